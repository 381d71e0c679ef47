#pragma once

// A random projection tree (Dasgupta & Freund 2008, as used to seed NN-descent by
// pynndescent): split the points by the hyperplane halfway between two random points,
// recursively, until a node holds at most `leafSize` points. Points in one leaf are likely
// near each other, which makes the leaves a cheap first guess of every point's neighbours.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent::detail {

struct TreeLeaves {
    std::vector<std::uint32_t> points;  // every point once, grouped by leaf
    std::vector<std::size_t> starts;    // leaf L is points[starts[L], starts[L + 1])

    std::size_t leafCount() const { return starts.empty() ? 0 : starts.size() - 1; }
};

// The same rows and seed give the same leaves. leafSize >= 2.
TreeLeaves randomProjectionLeaves(const LatentBatch& rows, std::size_t leafSize,
                                  std::uint64_t seed);

}  // namespace latent::detail
