#pragma once

#include <cstddef>
#include <cstdint>

#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"

namespace latent {

// The most latents a prior sample may hold: a bound on memory whatever the user types.
inline constexpr std::size_t kMaxPriorSamples = 1'000'000;

// `count` latents drawn from the model's prior (info.prior: standard normal, or uniform
// in [-1, 1]) with a seeded generator: the same seed gives the same map. This is what a
// generator-only model's map shows, since there is no encoder to place a dataset.
// Throws Error(InvalidArgument) when count is 0 or above kMaxPriorSamples.
LatentBatch samplePrior(const ModelInfo& info, std::size_t count, std::uint64_t seed);

}  // namespace latent
