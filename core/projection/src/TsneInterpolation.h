#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "TsneKernelConvolution.h"

namespace latent {

class ThreadTeam;

// t-SNE's repulsion on a 2-D map by FFT-accelerated interpolation (Linderman et al. 2019,
// "Fast interpolation-based t-SNE"), rebuilt every iteration from the current layout.
//
// The layout is covered by a square grid of boxes; each point's charges (1, x, y) are
// spread onto the 3 x 3 Lagrange interpolation nodes of its box, the node grid is convolved
// with the kernels by FFT, and the potentials are interpolated back to the points (Z comes
// whole from the node grid, no point needs its share). Each
// box's nodes are its own, so boxes are spread independently (in parallel, and always in
// the same order): the result does not depend on the thread count.
class InterpolatedRepulsion {
public:
    explicit InterpolatedRepulsion(std::size_t count);

    // Bins `positions` (count x 2, row-major) and computes the potentials at the nodes.
    void prepare(const float* positions, ThreadTeam& team);

    // The points sorted by box: visiting them in this order keeps their nodes in cache.
    const std::vector<std::uint32_t>& order() const { return order_; }

    // Adds sum_j q_ij^2 Z^2 (y_i - y_j) for the point at position `sorted` of order() to
    // `force` (unnormalised, q Z = 1 / (1 + d^2), as BarnesHutTree::repulsion).
    void repulsion(std::size_t sorted, double* force) const;

    // Z = sum_i!=j q_ij Z, after prepare().
    double z() const;

    int boxesPerSide() const { return boxes_; }

private:
    void chooseGrid(const float* positions);
    void sortByBox(const float* positions);
    void spreadRow(int row);

    std::size_t count_;
    int boxes_ = 0;
    float boxWidth_ = 1.0f;
    float low_[2] = {0.0f, 0.0f};     // the grid's lower corner
    float centre_[2] = {0.0f, 0.0f};  // charges are relative to it, to keep them small
    std::vector<std::uint32_t> boxStart_;  // each box's first point in box order
    // Per point in box order: its box, its index, its position relative to centre_ and
    // within its box (0 to 1 across).
    std::vector<std::uint32_t> sortedBox_, order_;
    std::vector<float> relative_, withinBox_;
    KernelConvolution convolution_;
};

}  // namespace latent
