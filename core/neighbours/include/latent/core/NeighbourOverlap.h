#pragma once

#include <vector>

#include "latent/core/KnnGraph.h"

namespace latent {

// How far two spaces of the same items agree on each item's neighbourhood: per item, the
// share of its k nearest neighbours in `a` that are also among its k nearest in `b` (1: the
// same neighbours; about k / N for unrelated spaces). Both graphs must hold the same items
// and the same k. Throws Error(InvalidArgument) otherwise.
std::vector<double> neighbourOverlap(const KnnGraph& a, const KnnGraph& b);

}  // namespace latent
