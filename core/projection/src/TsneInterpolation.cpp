#include "TsneInterpolation.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "latent/core/ThreadTeam.h"

namespace latent {
namespace {

// Interpolation nodes per box and axis: FIt-SNE's default, with its ~1e-3 relative error.
constexpr int kNodesPerBox = 3;
// At least this many boxes across the layout, and boxes at most 1 wide once it is wider
// (FIt-SNE's intervals_per_integer = 1): the kernels vary on a scale of 1, and quadratic
// interpolation is accurate on boxes no wider than that. FIt-SNE's min_num_intervals is 50;
// with 50, maps of 1,500 points ended with a t-SNE cost 0.015-0.04 above Barnes-Hut's, with
// 100 0.008 below it.
constexpr int kMinBoxes = 100;
constexpr float kMaxBoxWidth = 1.0f;
// Beyond this many boxes across (a layout over 600 wide; a million points might reach 800,
// estimated from 212 at 70,000 and an area growing with the count)
// the boxes widen instead: the grid's memory (about 0.7 GB here) and FFT time stay bounded,
// and a diverging layout cannot take all memory.
constexpr int kMaxBoxes = 600;
// A layout of coincident points still gets a grid.
constexpr float kSmallestExtent = 1e-6f;

// Whether n has no prime factor above 7, the sizes FFTW transforms fastest.
bool fftFriendly(int n) {
    for (int p : {2, 3, 5, 7})
        while (n % p == 0) n /= p;
    return n == 1;
}

// The Lagrange polynomials through the box's nodes, which sit in the middles of its thirds,
// at t in [0, 1] across the box; a = 3t - 1/2 puts the nodes at a = 0, 1, 2.
void lagrangeWeights(float t, float w[kNodesPerBox]) {
    const float a = 3.0f * t - 0.5f;
    w[0] = 0.5f * (a - 1.0f) * (a - 2.0f);
    w[1] = -a * (a - 2.0f);
    w[2] = 0.5f * a * (a - 1.0f);
}

}  // namespace

InterpolatedRepulsion::InterpolatedRepulsion(std::size_t count)
    : count_(count), sortedBox_(count), order_(count), relative_(2 * count), withinBox_(2 * count) {}

void InterpolatedRepulsion::prepare(const float* positions, ThreadTeam& team) {
    chooseGrid(positions);
    convolution_.resize(kNodesPerBox * boxes_, boxWidth_ / kNodesPerBox);
    sortByBox(positions);
    auto spread = [&](std::size_t row) { spreadRow(static_cast<int>(row)); };
    team.parallelFor(static_cast<std::size_t>(boxes_), 1, spread);
    convolution_.convolve(team);
}

void InterpolatedRepulsion::chooseGrid(const float* positions) {
    float low[2], high[2];
    std::fill_n(low, 2, std::numeric_limits<float>::max());
    std::fill_n(high, 2, std::numeric_limits<float>::lowest());
    for (std::size_t i = 0; i < count_; ++i) {
        for (int d = 0; d < 2; ++d) {
            low[d] = std::min(low[d], positions[2 * i + d]);
            high[d] = std::max(high[d], positions[2 * i + d]);
        }
    }
    const float extent = std::max({high[0] - low[0], high[1] - low[1], kSmallestExtent});
    if (extent < kMinBoxes * kMaxBoxWidth) {
        boxes_ = kMinBoxes;
    } else if (extent <= kMaxBoxes * kMaxBoxWidth) {
        boxes_ = static_cast<int>(std::ceil(extent / kMaxBoxWidth));
        while (!fftFriendly(boxes_)) ++boxes_;
    } else {
        boxes_ = kMaxBoxes;
    }
    // Widths off the middle range are rounded up to an eighth of an octave, so the kernels'
    // transforms last for a few iterations while the layout grows.
    const float width = extent / static_cast<float>(boxes_);
    boxWidth_ = boxes_ == kMinBoxes || boxes_ == kMaxBoxes
                    ? std::exp2(std::ceil(8.0f * std::log2(width)) / 8.0f)
                    : kMaxBoxWidth;
    const float half = 0.5f * static_cast<float>(boxes_) * boxWidth_;
    for (int d = 0; d < 2; ++d) {
        centre_[d] = 0.5f * (low[d] + high[d]);
        low_[d] = centre_[d] - half;
    }
}

void InterpolatedRepulsion::sortByBox(const float* positions) {
    // Each point's box and where in it the point lies; the counting sort is stable, so each
    // box lists its points in index order whatever the thread count.
    const int last = boxes_ - 1;
    auto locate = [&](std::size_t i, float within[2]) {
        int cell[2];
        for (int d = 0; d < 2; ++d) {
            const float u = (positions[2 * i + d] - low_[d]) / boxWidth_;
            cell[d] = std::clamp(static_cast<int>(u), 0, last);
            within[d] = std::clamp(u - static_cast<float>(cell[d]), 0.0f, 1.0f);
        }
        return static_cast<std::uint32_t>(cell[1] * boxes_ + cell[0]);
    };
    const std::size_t boxCount = static_cast<std::size_t>(boxes_) * boxes_;
    boxStart_.assign(boxCount + 1, 0);
    float within[2];
    for (std::size_t i = 0; i < count_; ++i) ++boxStart_[locate(i, within) + 1];
    for (std::size_t b = 0; b < boxCount; ++b) boxStart_[b + 1] += boxStart_[b];
    for (std::size_t i = 0; i < count_; ++i) {
        const std::uint32_t box = locate(i, within);
        const std::uint32_t s = boxStart_[box]++;
        order_[s] = static_cast<std::uint32_t>(i);
        sortedBox_[s] = box;
        for (int d = 0; d < 2; ++d) {
            relative_[2 * s + d] = positions[2 * i + d] - centre_[d];
            withinBox_[2 * s + d] = within[d];
        }
    }
    // The scatter advanced every start to the next box's; shift them back.
    std::copy_backward(boxStart_.begin(), boxStart_.end() - 1, boxStart_.end());
    boxStart_[0] = 0;
}

void InterpolatedRepulsion::spreadRow(int row) {
    const std::size_t stride = convolution_.stride();
    for (int column = 0; column < boxes_; ++column) {
        const std::size_t box = static_cast<std::size_t>(row) * boxes_ + column;
        double sums[KernelConvolution::kCharges][kNodesPerBox * kNodesPerBox] = {};
        for (std::uint32_t s = boxStart_[box]; s < boxStart_[box + 1]; ++s) {
            float wx[kNodesPerBox], wy[kNodesPerBox];
            lagrangeWeights(withinBox_[2 * s], wx);
            lagrangeWeights(withinBox_[2 * s + 1], wy);
            const float charge[KernelConvolution::kCharges] = {1.0f, relative_[2 * s],
                                                               relative_[2 * s + 1]};
            for (int ky = 0; ky < kNodesPerBox; ++ky) {
                for (int kx = 0; kx < kNodesPerBox; ++kx) {
                    const float w = wy[ky] * wx[kx];
                    for (int c = 0; c < KernelConvolution::kCharges; ++c)
                        sums[c][ky * kNodesPerBox + kx] += w * charge[c];
                }
            }
        }
        const std::size_t first = kNodesPerBox * (static_cast<std::size_t>(row) * stride + column);
        for (int c = 0; c < KernelConvolution::kCharges; ++c) {
            float* grid = convolution_.charges(c) + first;
            for (int ky = 0; ky < kNodesPerBox; ++ky)
                for (int kx = 0; kx < kNodesPerBox; ++kx)
                    grid[ky * stride + kx] = static_cast<float>(sums[c][ky * kNodesPerBox + kx]);
        }
    }
}

void InterpolatedRepulsion::repulsion(std::size_t sorted, double* force) const {
    const std::size_t box = sortedBox_[sorted], stride = convolution_.stride();
    const std::size_t row = box / boxes_, column = box % boxes_;
    float wx[kNodesPerBox], wy[kNodesPerBox];
    lagrangeWeights(withinBox_[2 * sorted], wx);
    lagrangeWeights(withinBox_[2 * sorted + 1], wy);
    const std::size_t first = kNodesPerBox * (row * stride + column);
    float potential[KernelConvolution::kPotentials] = {};
    for (int k = 0; k < KernelConvolution::kPotentials; ++k) {
        const float* grid = convolution_.potential(k) + first;
        for (int ky = 0; ky < kNodesPerBox; ++ky)
            for (int kx = 0; kx < kNodesPerBox; ++kx)
                potential[k] += wy[ky] * wx[kx] * grid[ky * stride + kx];
    }
    // sum_j K2 (y_i - y_j) = y_i sum_j K2 - sum_j K2 y_j; the point's own terms cancel.
    const double x = relative_[2 * sorted], y = relative_[2 * sorted + 1];
    force[0] += x * potential[0] - potential[1];
    force[1] += y * potential[0] - potential[2];
}

double InterpolatedRepulsion::z() const {
    return convolution_.pairSum() - static_cast<double>(count_);  // less each K1(0) = 1
}

}  // namespace latent
