#pragma once

#include <vector>

#include "latent/core/Dataset.h"

namespace latent {

// How many nats a lossless compressor needs for each image: each row predicted from its
// left neighbour (PNG's "Sub" filter), the residuals deflated at level 9. A stand-in for the
// image's information content, so a model's cost of an item can be judged against how much
// there is to explain (Serra et al., "Input complexity and out-of-distribution detection
// with likelihood-based generative models", ICLR 2020). Deterministic.
std::vector<double> imageComplexity(const Dataset& images, int threads);

}  // namespace latent
