#pragma once

#include <random>

#include "latent/core/LatentBatch.h"

// n x d standard normal values from a fixed seed, for tests that need generic data.
inline latent::LatentBatch gaussianBatch(std::size_t n, std::size_t d, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    latent::LatentBatch data(n, d);
    for (float& v : data.values) v = normal(rng);
    return data;
}
