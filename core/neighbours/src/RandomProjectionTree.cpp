#include "RandomProjectionTree.h"

#include <algorithm>
#include <utility>

#include "latent/core/SplitMix64.h"

namespace latent::detail {
namespace {

// Puts the points of [first, last) on the side of the hyperplane between two random ones
// into [first, middle) and returns middle; first or last when all lie on one side.
std::uint32_t* splitByHyperplane(const LatentBatch& rows, std::uint32_t* first, std::uint32_t* last,
                                 SplitMix64& rng, std::vector<float>& normal,
                                 std::vector<float>& mid) {
    const std::size_t n = static_cast<std::size_t>(last - first);
    const std::uint32_t a = first[rng.below(n)];
    std::uint32_t b = first[rng.below(n - 1)];
    if (b == a) b = first[n - 1];
    const auto xa = rows.row(a), xb = rows.row(b);
    for (std::size_t c = 0; c < rows.dim; ++c) {
        normal[c] = xa[c] - xb[c];
        mid[c] = 0.5f * (xa[c] + xb[c]);
    }
    return std::partition(first, last, [&](std::uint32_t i) {
        const auto x = rows.row(i);
        float side = 0.0f;
        for (std::size_t c = 0; c < rows.dim; ++c) side += (x[c] - mid[c]) * normal[c];
        // Points on the plane (e.g. duplicates of the pivots' midpoint) go by their index,
        // so the split stays deterministic and roughly balanced among them.
        return side > 0.0f || (side == 0.0f && (i & 1u));
    });
}

}  // namespace

TreeLeaves randomProjectionLeaves(const LatentBatch& rows, std::size_t leafSize,
                                  std::uint64_t seed) {
    TreeLeaves leaves;
    leaves.points.resize(rows.count);
    for (std::uint32_t i = 0; i < rows.count; ++i) leaves.points[i] = i;
    leafSize = std::max<std::size_t>(leafSize, 2);
    SplitMix64 rng(seed);
    std::vector<float> normal(rows.dim), mid(rows.dim);
    std::uint32_t* const base = leaves.points.data();
    // Depth first with an explicit stack: leaves come out left to right.
    std::vector<std::pair<std::size_t, std::size_t>> pending{{0, rows.count}};
    while (!pending.empty()) {
        const auto [lo, hi] = pending.back();
        pending.pop_back();
        if (hi - lo <= leafSize) {
            leaves.starts.push_back(lo);
            continue;
        }
        std::uint32_t* middle = splitByHyperplane(rows, base + lo, base + hi, rng, normal, mid);
        // All on one side (e.g. identical points): halve the node as it is.
        if (middle == base + lo || middle == base + hi) middle = base + lo + (hi - lo) / 2;
        const std::size_t m = static_cast<std::size_t>(middle - base);
        pending.emplace_back(m, hi);
        pending.emplace_back(lo, m);
    }
    leaves.starts.push_back(rows.count);
    return leaves;
}

}  // namespace latent::detail
