#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// Nearest-neighbour queries on low-dimensional points (map coordinates): a balanced k-d tree
// built by median splits along the widest axis, stored implicitly in one array.
class KdTree {
public:
    struct Neighbour {
        std::size_t index;  // row of the points the tree was built from
        float distance;     // Euclidean
    };

    // Copies the points. Throws Error(InvalidArgument) for dimension 0 or above 3, or NaN/Inf.
    explicit KdTree(const LatentBatch& points);

    std::size_t size() const { return index_.size(); }
    std::size_t dim() const { return dim_; }
    // The k nearest points to `query`, nearest first (ties by index); all points when k >= size.
    std::vector<Neighbour> nearest(std::span<const float> query, std::size_t k) const;

private:
    struct Search;
    void build(std::vector<std::uint32_t>& order, const LatentBatch& points, std::size_t begin,
               std::size_t end);
    void search(Search& s, std::size_t begin, std::size_t end) const;

    std::size_t dim_ = 0;
    std::vector<float> points_;          // reordered copy of the points, row-major
    std::vector<std::uint32_t> index_;   // original row of each reordered point
    std::vector<std::uint8_t> axis_;     // split axis of the node whose median sits here
};

}  // namespace latent
