#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace latent {

// min(n, count) distinct items of [0, count) in a random order fixed by `seed`, the same on
// every platform and standard library (SplitMix64 and a partial Fisher-Yates shuffle).
std::vector<std::size_t> sampleItems(std::size_t count, std::size_t n, std::uint64_t seed);

// `n` pairs of two different items of [0, count), fixed by `seed`. Needs count >= 2.
std::vector<std::pair<std::size_t, std::size_t>> samplePairs(std::size_t count, std::size_t n, std::uint64_t seed);

}  // namespace latent
