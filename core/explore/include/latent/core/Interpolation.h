#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

enum class InterpolationMode { Linear, Spherical };

// The latent at t between a (t = 0) and b (t = 1); t outside [0, 1] extrapolates.
// Spherical follows the great circle between the two vectors (slerp as used for
// generative models: direction and length change together), which stays in the shell
// where Gaussian latents live instead of cutting through the low-density centre.
// Special cases: equal directions (or a zero vector) fall back to linear; exactly
// opposite directions rotate through a fixed orthogonal direction, so the path is
// still defined and deterministic.
std::vector<float> interpolate(std::span<const float> a, std::span<const float> b, double t,
                               InterpolationMode mode);

// `steps` latents evenly spaced from tStart to tEnd (inclusive), one per row.
LatentBatch interpolationPath(std::span<const float> a, std::span<const float> b,
                              std::size_t steps, InterpolationMode mode, double tStart = 0.0,
                              double tEnd = 1.0);

}  // namespace latent
