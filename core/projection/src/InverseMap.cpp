#include "latent/core/InverseMap.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

constexpr std::size_t kSpacingSample = 10000;

const LatentBatch& checked(const LatentBatch& coords, const std::shared_ptr<const LatentBatch>& latents,
                           std::size_t neighbours) {
    if (!latents || latents->count == 0 || latents->dim == 0) {
        throw Error(ErrorKind::InvalidArgument, "an inverse map needs latents");
    }
    if (coords.count != latents->count) {
        throw Error(ErrorKind::InvalidArgument,
                    "an inverse map needs one position per latent: " + std::to_string(coords.count) +
                        " positions for " + std::to_string(latents->count) + " latents");
    }
    if (coords.dim != 2 && coords.dim != 3) {
        throw Error(ErrorKind::InvalidArgument, "an inverse map needs 2-D or 3-D positions");
    }
    if (neighbours < 1) throw Error(ErrorKind::InvalidArgument, "an inverse map needs k >= 1 neighbours");
    return coords;
}

// Median nearest-neighbour distance over an evenly strided sample; zero distances
// (duplicate positions) are skipped so the spacing stays a usable unit.
double medianSpacing(const KdTree& tree, const LatentBatch& coords) {
    const std::size_t stride = std::max<std::size_t>(1, coords.count / kSpacingSample);
    std::vector<float> gaps;
    for (std::size_t i = 0; i < coords.count; i += stride) {
        for (const auto& nb : tree.nearest(coords.row(i), 2)) {
            if (nb.index != i && nb.distance > 0.0f) {
                gaps.push_back(nb.distance);
                break;
            }
        }
    }
    if (gaps.empty()) return 1.0;
    const auto middle = gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2);
    std::nth_element(gaps.begin(), middle, gaps.end());
    return *middle;
}

// The 1/d^2-weighted mean of rows[near[n].index]; points at distance 0 take all the weight
// (shared equally).
std::vector<float> weightedMean(const std::vector<KdTree::Neighbour>& near,
                                const LatentBatch& rows) {
    const bool onPoint = near.front().distance == 0.0f;
    std::vector<double> weights(near.size());
    double total = 0.0;
    for (std::size_t n = 0; n < near.size(); ++n) {
        const double d = near[n].distance;
        weights[n] = onPoint ? (d == 0.0 ? 1.0 : 0.0) : 1.0 / (d * d);
        total += weights[n];
    }
    std::vector<double> sum(rows.dim, 0.0);
    for (std::size_t n = 0; n < near.size(); ++n) {
        const auto z = rows.row(near[n].index);
        for (std::size_t j = 0; j < rows.dim; ++j) sum[j] += weights[n] / total * z[j];
    }
    return {sum.begin(), sum.end()};
}

// The k rows of `latents` nearest to `query` (Euclidean), nearest first, by brute force.
std::vector<KdTree::Neighbour> nearestLatents(const LatentBatch& latents,
                                              std::span<const float> query, std::size_t k) {
    std::vector<KdTree::Neighbour> all(latents.count);
    for (std::size_t i = 0; i < latents.count; ++i) {
        const auto z = latents.row(i);
        double d2 = 0.0;
        for (std::size_t j = 0; j < latents.dim; ++j)
            d2 += (double(z[j]) - query[j]) * (double(z[j]) - query[j]);
        all[i] = {i, static_cast<float>(std::sqrt(d2))};
    }
    k = std::min(k, all.size());
    const auto closer = [](const KdTree::Neighbour& a, const KdTree::Neighbour& b) {
        return a.distance < b.distance || (a.distance == b.distance && a.index < b.index);
    };
    std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end(), closer);
    all.resize(k);
    return all;
}

}  // namespace

LatentBatch placeNearLatents(const LatentBatch& coords, const LatentBatch& latents,
                             const LatentBatch& queries, std::size_t neighbours) {
    if (coords.count != latents.count || latents.count == 0 || neighbours < 1) {
        throw Error(ErrorKind::InvalidArgument,
                    "placing latents needs one map position per data latent");
    }
    if (queries.dim != latents.dim) {
        throw Error(ErrorKind::InvalidArgument, "latents of size " + std::to_string(queries.dim) +
                                                    " to place on a map of latents of size " +
                                                    std::to_string(latents.dim));
    }
    for (float v : queries.values) {
        if (!std::isfinite(v))
            throw Error(ErrorKind::InvalidArgument, "a latent to place is NaN or Inf");
    }
    LatentBatch placed(queries.count, coords.dim);
    for (std::size_t q = 0; q < queries.count; ++q) {
        const auto at = weightedMean(nearestLatents(latents, queries.row(q), neighbours), coords);
        std::copy(at.begin(), at.end(), placed.row(q).begin());
    }
    return placed;
}

InverseMap::InverseMap(const LatentBatch& coords, std::shared_ptr<const LatentBatch> latents,
                       std::size_t neighbours)
    : tree_(checked(coords, latents, neighbours)), latents_(std::move(latents)), neighbours_(neighbours) {
    spacing_ = medianSpacing(tree_, coords);
}

InverseMap::Estimate InverseMap::decode(std::span<const float> position) const {
    if (position.size() != tree_.dim()) {
        throw Error(ErrorKind::InvalidArgument, "a map position of size " + std::to_string(position.size()) +
                                                    ", expected " + std::to_string(tree_.dim()));
    }
    for (float x : position) {
        if (!std::isfinite(x)) throw Error(ErrorKind::InvalidArgument, "the map position is NaN or Inf");
    }
    const auto near = tree_.nearest(position, neighbours_);
    Estimate e;
    e.latent = weightedMean(near, *latents_);
    e.nearest = near.front().index;
    e.nearestDistance = near.front().distance;
    e.spacingsFromData = e.nearestDistance / spacing_;
    return e;
}

}  // namespace latent
