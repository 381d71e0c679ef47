#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <vector>

#include "latent/core/KdTree.h"
#include "latent/core/LatentBatch.h"

namespace latent {

// Decoding anywhere on a map that has no inverse of its own (t-SNE, UMAP, LLE): a position
// becomes the inverse-distance-weighted average (weights 1/d^2) of the latents of the k
// nearest plotted points. That is exact on a data point, a convex combination between points,
// and only a guess away from them, so every answer says how far it is from real data.
class InverseMap {
public:
    static constexpr std::size_t kDefaultNeighbours = 8;

    struct Estimate {
        std::vector<float> latent;
        std::size_t nearest = 0;      // the closest plotted point
        double nearestDistance = 0;   // in map units
        // nearestDistance divided by the typical (median) nearest-neighbour spacing of the
        // map: ~1 among the data, growing away from it.
        double spacingsFromData = 0;
    };

    // `coords` (N x 2 or 3) are the plotted positions of `latents` (N x D). Throws
    // Error(InvalidArgument) for mismatched or empty inputs, NaN/Inf, or k < 1.
    InverseMap(const LatentBatch& coords, std::shared_ptr<const LatentBatch> latents,
               std::size_t neighbours = kDefaultNeighbours);

    Estimate decode(std::span<const float> position) const;
    std::size_t dim() const { return tree_.dim(); }

    const LatentBatch& latents() const { return *latents_; }

private:
    KdTree tree_;
    std::shared_ptr<const LatentBatch> latents_;
    std::size_t neighbours_;
    double spacing_ = 1.0;
};

// The other way round, for maps without a transform (t-SNE, LLE): each row of `queries`
// lands at the 1/d^2-weighted mean of the positions `coords` of its `neighbours` nearest
// `latents` (brute force, O(queries x N x D)); exactly on a data latent's own position.
// Throws Error(InvalidArgument) for mismatched sizes or NaN/Inf queries.
LatentBatch placeNearLatents(const LatentBatch& coords, const LatentBatch& latents,
                             const LatentBatch& queries,
                             std::size_t neighbours = InverseMap::kDefaultNeighbours);

}  // namespace latent
