#include "BarnesHutTree.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "MortonCode.h"

namespace latent {
namespace {

// Bits per coordinate in a 64-bit Morton code, and so the deepest level of the tree.
template <int Dims>
constexpr int kLevels = 64 / Dims;

// The child a code falls into at `depth` (0 = the root's children).
template <int Dims>
unsigned childDigit(std::uint64_t code, int depth) {
    const int shift = Dims * (kLevels<Dims> - 1 - depth);
    return static_cast<unsigned>(code >> shift) & ((1u << Dims) - 1);
}

}  // namespace

template <int Dims>
BarnesHutTree<Dims>::BarnesHutTree(std::size_t count)
    : count_(count),
      codes_(count),
      codesScratch_(count),
      order_(count),
      orderScratch_(count),
      sortedPositions_(count * Dims) {
    // Collapsing single-child cells leaves at most 2 * count - 1 nodes.
    nodes_.reserve(2 * count + 1);
}

template <int Dims>
void BarnesHutTree<Dims>::sortByMortonCode() {
    // LSD radix sort, one byte per pass; passes where every code has the same byte are
    // skipped (common for the top bytes early on, when the layout is tiny).
    constexpr int kPasses = 8;
    for (int pass = 0; pass < kPasses; ++pass) {
        const int shift = 8 * pass;
        std::array<std::uint32_t, 257> start{};
        for (std::size_t i = 0; i < count_; ++i) ++start[((codes_[i] >> shift) & 0xff) + 1];
        if (std::any_of(start.begin() + 1, start.end(),
                        [&](std::uint32_t c) { return c == count_; })) {
            continue;
        }
        for (int b = 0; b < 256; ++b) start[b + 1] += start[b];
        for (std::size_t i = 0; i < count_; ++i) {
            const std::uint32_t slot = start[(codes_[i] >> shift) & 0xff]++;
            codesScratch_[slot] = codes_[i];
            orderScratch_[slot] = order_[i];
        }
        codes_.swap(codesScratch_);
        order_.swap(orderScratch_);
    }
}

template <int Dims>
void BarnesHutTree<Dims>::build(const float* positions) {
    std::array<float, Dims> low, high;
    low.fill(std::numeric_limits<float>::max());
    high.fill(std::numeric_limits<float>::lowest());
    for (std::size_t i = 0; i < count_; ++i) {
        for (int d = 0; d < Dims; ++d) {
            low[d] = std::min(low[d], positions[i * Dims + d]);
            high[d] = std::max(high[d], positions[i * Dims + d]);
        }
    }
    float side = 0.0f;
    for (int d = 0; d < Dims; ++d) side = std::max(side, high[d] - low[d]);
    cellSide_ = side > 0.0f ? side * (1.0f + 1e-5f) : 1.0f;  // the top edge inside the grid

    constexpr double kCells = static_cast<double>(1ULL << kLevels<Dims>);
    const double toGrid = kCells / static_cast<double>(cellSide_);
    for (std::size_t i = 0; i < count_; ++i) {
        std::uint64_t code = 0;
        for (int d = 0; d < Dims; ++d) {
            const double cell = std::floor((positions[i * Dims + d] - low[d]) * toGrid);
            const auto q = static_cast<std::uint64_t>(std::clamp(cell, 0.0, kCells - 1.0));
            code |= (Dims == 2 ? detail::spreadBits2(q) : detail::spreadBits3(q)) << d;
        }
        codes_[i] = code;
        order_[i] = static_cast<std::uint32_t>(i);
    }
    sortByMortonCode();
    for (std::size_t s = 0; s < count_; ++s) {
        for (int d = 0; d < Dims; ++d)
            sortedPositions_[s * Dims + d] = positions[order_[s] * Dims + d];
    }
    nodes_.clear();
    buildCell(0, static_cast<std::uint32_t>(count_), 0);
}

template <int Dims>
std::uint32_t BarnesHutTree<Dims>::buildCell(std::uint32_t begin, std::uint32_t end, int depth) {
    // A cell whose points all fall into one child is replaced by that child: same mass,
    // smaller side, so it is summarised at least as often.
    while (end - begin > 1 && depth < kLevels<Dims> &&
           childDigit<Dims>(codes_[begin], depth) == childDigit<Dims>(codes_[end - 1], depth)) {
        ++depth;
    }
    const auto index = static_cast<std::uint32_t>(nodes_.size());
    nodes_.emplace_back();
    const float side = std::ldexp(cellSide_, -depth);
    std::array<double, Dims> mass{};
    if (end - begin == 1 || depth == kLevels<Dims>) {
        for (std::uint32_t s = begin; s < end; ++s)
            for (int d = 0; d < Dims; ++d) mass[d] += sortedPositions_[s * Dims + d];
    } else {
        std::uint32_t first = begin;
        while (first < end) {
            const unsigned digit = childDigit<Dims>(codes_[first], depth);
            const auto last = static_cast<std::uint32_t>(
                std::partition_point(
                    codes_.begin() + first, codes_.begin() + end,
                    [&](std::uint64_t c) { return childDigit<Dims>(c, depth) == digit; }) -
                codes_.begin());
            const std::uint32_t child = buildCell(first, last, depth + 1);
            for (int d = 0; d < Dims; ++d)
                mass[d] += static_cast<double>(nodes_[child].centre[d]) * nodes_[child].count;
            first = last;
        }
    }
    Node& node = nodes_[index];
    for (int d = 0; d < Dims; ++d) node.centre[d] = static_cast<float>(mass[d] / (end - begin));
    node.widthSquared = side * side;
    node.count = end - begin;
    node.begin = begin;
    node.end = static_cast<std::uint32_t>(nodes_.size());
    return index;
}

template <int Dims>
double BarnesHutTree<Dims>::repulsion(std::size_t sorted, float thetaSquared, double* force) const {
    const float* y = sortedPositions_.data() + sorted * Dims;
    double z = 0.0;
    std::array<double, Dims> f{};
    auto add = [&](const float* to, float weight) {
        std::array<float, Dims> delta;
        float d2 = 0.0f;
        for (int d = 0; d < Dims; ++d) {
            delta[d] = y[d] - to[d];
            d2 += delta[d] * delta[d];
        }
        const float q = 1.0f / (1.0f + d2);
        z += weight * q;
        const float wq2 = weight * q * q;
        for (int d = 0; d < Dims; ++d) f[d] += wq2 * delta[d];
    };
    const auto total = static_cast<std::uint32_t>(nodes_.size());
    for (std::uint32_t i = 0; i < total;) {
        const Node& node = nodes_[i];
        const bool leaf = node.end == i + 1;
        if (leaf && node.count == 1) {
            if (node.begin != sorted) add(node.centre, 1.0f);
            i = node.end;
            continue;
        }
        float d2 = 0.0f;
        for (int d = 0; d < Dims; ++d) d2 += (y[d] - node.centre[d]) * (y[d] - node.centre[d]);
        if (node.widthSquared < thetaSquared * d2) {
            add(node.centre, static_cast<float>(node.count));
            i = node.end;
        } else if (leaf) {
            // Points closer than the finest grid cell: exact, one by one.
            for (std::uint32_t s = node.begin; s < node.begin + node.count; ++s) {
                if (s != sorted) add(sortedPositions_.data() + s * Dims, 1.0f);
            }
            i = node.end;
        } else {
            ++i;
        }
    }
    for (int d = 0; d < Dims; ++d) force[d] += f[d];
    return z;
}

template class BarnesHutTree<2>;
template class BarnesHutTree<3>;

}  // namespace latent
