#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

enum class InterpolationMode { Linear, Spherical };

// The latent at t between a (t = 0) and b (t = 1); t outside [0, 1] extrapolates.
// Spherical turns the direction along the great circle between the two vectors at a
// steady rate while the length changes linearly from |a| to |b| (slerp as used for
// generative models), which stays in the shell where Gaussian latents live instead of
// cutting through the low-density centre. For t in [0, 1] the length stays between the
// ends' lengths, also for nearly opposite ends. Special cases: equal directions (or a zero
// vector) fall back to linear; exactly opposite directions rotate through a fixed
// orthogonal direction, so the path is still defined and deterministic.
std::vector<float> interpolate(std::span<const float> a, std::span<const float> b, double t,
                               InterpolationMode mode);

// `steps` latents evenly spaced from tStart to tEnd (inclusive), one per row.
LatentBatch interpolationPath(std::span<const float> a, std::span<const float> b,
                              std::size_t steps, InterpolationMode mode, double tStart = 0.0,
                              double tEnd = 1.0);

}  // namespace latent
