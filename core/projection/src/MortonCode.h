#pragma once

// Internal to core: Morton (Z-order) codes, which put points that are close in space close
// in an array. Used by the Barnes-Hut tree of t-SNE and the point order of UMAP's SGD.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace latent::detail {

// Spreads the low 32 bits of x so that one zero bit separates consecutive bits.
inline std::uint64_t spreadBits2(std::uint64_t x) {
    x &= 0xffffffffULL;
    x = (x | (x << 16)) & 0x0000ffff0000ffffULL;
    x = (x | (x << 8)) & 0x00ff00ff00ff00ffULL;
    x = (x | (x << 4)) & 0x0f0f0f0f0f0f0f0fULL;
    x = (x | (x << 2)) & 0x3333333333333333ULL;
    x = (x | (x << 1)) & 0x5555555555555555ULL;
    return x;
}

// Spreads the low 21 bits of x so that two zero bits separate consecutive bits.
inline std::uint64_t spreadBits3(std::uint64_t x) {
    x &= 0x1fffffULL;
    x = (x | (x << 32)) & 0x1f00000000ffffULL;
    x = (x | (x << 16)) & 0x1f0000ff0000ffULL;
    x = (x | (x << 8)) & 0x100f00f00f00f00fULL;
    x = (x | (x << 4)) & 0x10c30c30c30c30c3ULL;
    x = (x | (x << 2)) & 0x1249249249249249ULL;
    return x;
}

// The indices of `count` points (row-major, 2 or 3 coordinates each) in Morton order of a
// 2^16-cells-per-axis grid over their bounding box; ties keep index order.
inline std::vector<std::uint32_t> mortonOrder(const std::vector<float>& points, int dims) {
    const std::size_t count = points.size() / static_cast<std::size_t>(dims);
    std::vector<float> low(dims, std::numeric_limits<float>::max()),
        high(dims, std::numeric_limits<float>::lowest());
    for (std::size_t i = 0; i < count; ++i) {
        for (int d = 0; d < dims; ++d) {
            low[d] = std::min(low[d], points[i * dims + d]);
            high[d] = std::max(high[d], points[i * dims + d]);
        }
    }
    constexpr double kCells = 65536.0;
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(count);
    for (std::size_t i = 0; i < count; ++i) {
        std::uint64_t code = 0;
        for (int d = 0; d < dims; ++d) {
            const double span = high[d] > low[d] ? high[d] - low[d] : 1.0;
            const double cell = (points[i * dims + d] - low[d]) / span * (kCells - 1.0);
            const auto q = static_cast<std::uint64_t>(std::clamp(cell, 0.0, kCells - 1.0));
            code |= (dims == 2 ? spreadBits2(q) : spreadBits3(q)) << d;
        }
        keyed[i] = {code, static_cast<std::uint32_t>(i)};
    }
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> order(count);
    for (std::size_t s = 0; s < count; ++s) order[s] = keyed[s].second;
    return order;
}

}  // namespace latent::detail
