#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace latent {

// The space-partitioning tree of Barnes-Hut t-SNE (van der Maaten 2014): a quadtree in 2D,
// an octree in 3D, rebuilt every iteration from the current layout.
//
// Built without per-node allocation: points are sorted along a Morton (Z-order) curve with
// a radix sort, so every cell is a contiguous range of sorted points and the tree is built
// top-down into one preallocated vector in depth-first order. Each node stores where its
// subtree ends, so the force walk is a loop over that vector with no stack, and walking the
// points in Morton order keeps neighbouring walks in cache.
template <int Dims>
class BarnesHutTree {
public:
    explicit BarnesHutTree(std::size_t count);

    // Rebuilds the tree for `positions` (count x Dims, row-major).
    void build(const float* positions);

    // The point at each position of the Morton order.
    const std::vector<std::uint32_t>& order() const { return order_; }

    // Repulsion on the point at Morton position `sorted`: adds sum_j q_ij^2 Z^2 (y_i - y_j)
    // (unnormalised, q = 1 / (1 + d^2)) to `force` and returns its share of Z, sum_j q.
    // A cell is summarised by its centre of mass when its widest side is below
    // theta times the distance to it (the criterion scikit-learn uses).
    double repulsion(std::size_t sorted, float thetaSquared, double* force) const;

    std::size_t nodeCount() const { return nodes_.size(); }

private:
    struct Node {
        float centre[Dims];   // centre of mass
        float widthSquared;   // squared side of the cell
        std::uint32_t count;  // points in the cell
        std::uint32_t begin;  // first point, in Morton order
        std::uint32_t end;    // one past the last node of this subtree
    };

    void sortByMortonCode();
    std::uint32_t buildCell(std::uint32_t begin, std::uint32_t end, int depth);

    std::size_t count_;
    float cellSide_ = 1.0f;
    std::vector<Node> nodes_;
    std::vector<std::uint64_t> codes_, codesScratch_;
    std::vector<std::uint32_t> order_, orderScratch_;
    std::vector<float> sortedPositions_;
};

extern template class BarnesHutTree<2>;
extern template class BarnesHutTree<3>;

}  // namespace latent
