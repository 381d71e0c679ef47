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

}  // namespace

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
    // Weights 1/d^2; points exactly at the position take all the weight (shared equally).
    const bool onPoint = near.front().distance == 0.0f;
    std::vector<double> weights(near.size());
    double total = 0.0;
    for (std::size_t n = 0; n < near.size(); ++n) {
        const double d = near[n].distance;
        weights[n] = onPoint ? (d == 0.0 ? 1.0 : 0.0) : 1.0 / (d * d);
        total += weights[n];
    }
    const std::size_t dim = latents_->dim;
    std::vector<double> sum(dim, 0.0);
    for (std::size_t n = 0; n < near.size(); ++n) {
        const auto z = latents_->row(near[n].index);
        for (std::size_t j = 0; j < dim; ++j) sum[j] += weights[n] / total * z[j];
    }
    Estimate e;
    e.latent.assign(sum.begin(), sum.end());
    e.nearest = near.front().index;
    e.nearestDistance = near.front().distance;
    e.spacingsFromData = e.nearestDistance / spacing_;
    return e;
}

}  // namespace latent
