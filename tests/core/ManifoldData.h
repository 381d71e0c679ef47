#pragma once

// Generated data with a known structure, shared by the projection tests.

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace testdata {

// A swiss roll: t in [1.5 pi, 4.5 pi] winds around the y axis, height in [0, 21]. `along` is
// the arc length of the spiral at t, so (along, height) are the roll's flat coordinates.
struct SwissRoll {
    latent::LatentBatch points;
    std::vector<double> along;
    std::vector<double> height;

    double intrinsicDistance(std::size_t i, std::size_t j) const {
        return std::hypot(along[i] - along[j], height[i] - height[j]);
    }
};

inline SwissRoll swissRoll(std::size_t n, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    SwissRoll roll{latent::LatentBatch(n, 3), std::vector<double>(n), std::vector<double>(n)};
    for (std::size_t i = 0; i < n; ++i) {
        const double t = 1.5 * std::numbers::pi * (1.0 + 2.0 * unit(rng));
        const double h = 21.0 * unit(rng);
        roll.points.values[i * 3 + 0] = static_cast<float>(t * std::cos(t));
        roll.points.values[i * 3 + 1] = static_cast<float>(h);
        roll.points.values[i * 3 + 2] = static_cast<float>(t * std::sin(t));
        roll.along[i] = 0.5 * (t * std::sqrt(1.0 + t * t) + std::asinh(t));
        roll.height[i] = h;
    }
    return roll;
}

// The share of each point's k nearest layout neighbours that lie within `radius` of it on the
// flat roll: near 1 when the roll is unrolled, low where layers are squashed together.
inline double rollNeighbourFidelity(const SwissRoll& roll, const latent::LatentBatch& layout,
                                    std::size_t k, double radius) {
    std::size_t close = 0;
    std::vector<std::pair<double, std::size_t>> order(layout.count);
    for (std::size_t i = 0; i < layout.count; ++i) {
        for (std::size_t j = 0; j < layout.count; ++j) {
            double d2 = 0.0;
            for (std::size_t c = 0; c < layout.dim; ++c) {
                const double d =
                    layout.values[i * layout.dim + c] - layout.values[j * layout.dim + c];
                d2 += d * d;
            }
            order[j] = {j == i ? INFINITY : d2, j};
        }
        std::partial_sort(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(k),
                          order.end());
        for (std::size_t m = 0; m < k; ++m)
            close += roll.intrinsicDistance(i, order[m].second) <= radius;
    }
    return static_cast<double>(close) / static_cast<double>(layout.count * k);
}

// `clusters` Gaussian blobs (unit spread) in `dim` dimensions with centres `spacing` apart
// along orthogonal directions.
struct Clusters {
    latent::LatentBatch points;
    std::vector<int> labels;
};

inline Clusters gaussianClusters(int clusters, std::size_t perCluster, std::size_t dim,
                                 double spacing, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<double> normal;
    Clusters out{latent::LatentBatch(clusters * perCluster, dim), {}};
    for (int c = 0; c < clusters; ++c) {
        for (std::size_t i = 0; i < perCluster; ++i) {
            const std::size_t row = c * perCluster + i;
            for (std::size_t d = 0; d < dim; ++d) {
                const double centre = d == static_cast<std::size_t>(c) % dim ? spacing : 0.0;
                out.points.values[row * dim + d] = static_cast<float>(centre + normal(rng));
            }
            out.labels.push_back(c);
        }
    }
    return out;
}

// The smallest distance between two cluster centroids in the layout, divided by the largest
// RMS radius of a cluster around its centroid: well above 1 when the clusters stay apart.
inline double clusterSeparation(const latent::LatentBatch& layout, const std::vector<int>& labels,
                                int clusters) {
    const std::size_t dims = layout.dim;
    std::vector<double> centroid(clusters * dims, 0.0), count(clusters, 0.0), spread(clusters, 0.0);
    for (std::size_t i = 0; i < layout.count; ++i) {
        for (std::size_t c = 0; c < dims; ++c)
            centroid[labels[i] * dims + c] += layout.values[i * dims + c];
        count[labels[i]] += 1.0;
    }
    for (int k = 0; k < clusters; ++k) {
        for (std::size_t c = 0; c < dims; ++c) centroid[k * dims + c] /= count[k];
    }
    for (std::size_t i = 0; i < layout.count; ++i) {
        for (std::size_t c = 0; c < dims; ++c) {
            const double d = layout.values[i * dims + c] - centroid[labels[i] * dims + c];
            spread[labels[i]] += d * d / count[labels[i]];
        }
    }
    double closest = INFINITY, widest = 0.0;
    for (int a = 0; a < clusters; ++a) {
        widest = std::max(widest, std::sqrt(spread[a]));
        for (int b = a + 1; b < clusters; ++b) {
            double d2 = 0.0;
            for (std::size_t c = 0; c < dims; ++c) {
                const double d = centroid[a * dims + c] - centroid[b * dims + c];
                d2 += d * d;
            }
            closest = std::min(closest, std::sqrt(d2));
        }
    }
    return closest / widest;
}

}  // namespace testdata
