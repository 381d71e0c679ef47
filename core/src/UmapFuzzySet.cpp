// UMAP's fuzzy simplicial set: local scales per point, memberships, fuzzy union, and the
// sampling schedule of the edges for the SGD.
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "UmapGraph.h"

namespace latent::umap {

LocalScale smoothKnnScale(const float* distances, std::size_t k, double target,
                          double meanDistanceOfAll) {
    LocalScale scale;
    // Local connectivity 1: every point is fully connected to its nearest non-duplicate.
    for (std::size_t j = 0; j < k; ++j) {
        if (distances[j] > 0.0f) {
            scale.rho = distances[j];
            break;
        }
    }
    double lo = 0.0, hi = std::numeric_limits<double>::infinity(), mid = 1.0;
    for (int step = 0; step < 64; ++step) {
        double sum = 0.0;
        for (std::size_t j = 0; j < k; ++j) {
            const double d = distances[j] - scale.rho;
            sum += d > 0.0 ? std::exp(-d / mid) : 1.0;
        }
        if (std::abs(sum - target) < 1e-5) break;
        if (sum > target) {
            hi = mid;
            mid = (lo + hi) / 2.0;
        } else {
            lo = mid;
            mid = std::isinf(hi) ? mid * 2.0 : (lo + hi) / 2.0;
        }
    }
    // A floor keeps sigma away from 0 for points whose neighbours are all equidistant.
    double meanOwn = 0.0;
    for (std::size_t j = 0; j < k; ++j) meanOwn += distances[j];
    meanOwn /= static_cast<double>(k);
    const double floor = 1e-3 * (scale.rho > 0.0 ? meanOwn : meanDistanceOfAll);
    scale.sigma = std::max(mid, floor);
    return scale;
}

FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, int neighbours) {
    const double target = std::log2(static_cast<double>(neighbours));
    double meanAll = 0.0;
    for (float d : knn.distances) meanAll += d;
    meanAll /= static_cast<double>(std::max<std::size_t>(1, knn.distances.size()));

    // Directed memberships, each also entered transposed, so equal (row, column) pairs after
    // sorting are the two directions of one edge.
    std::vector<std::tuple<std::uint32_t, std::uint32_t, float>> entries;
    entries.reserve(knn.count * knn.k * 2);
    for (std::size_t i = 0; i < knn.count; ++i) {
        const float* d = knn.neighbourDistances(i);
        const std::uint32_t* nb = knn.neighbours(i);
        const LocalScale s = smoothKnnScale(d, knn.k, target, meanAll);
        for (std::size_t m = 0; m < knn.k; ++m) {
            // An approximate graph can repeat a neighbour; count it once.
            if (std::find(nb, nb + m, nb[m]) != nb + m) continue;
            const double excess = d[m] - s.rho;
            const auto w = static_cast<float>(excess > 0.0 ? std::exp(-excess / s.sigma) : 1.0);
            const auto row = static_cast<std::uint32_t>(i);
            entries.emplace_back(row, nb[m], w);
            entries.emplace_back(nb[m], row, w);
        }
    }
    std::sort(entries.begin(), entries.end());

    FuzzyGraph g;
    g.count = knn.count;
    g.rowStart.assign(knn.count + 1, 0);
    for (std::size_t e = 0; e < entries.size();) {
        const auto [row, col, w] = entries[e];
        float weight = w;
        std::size_t next = e + 1;
        if (next < entries.size() && std::get<0>(entries[next]) == row &&
            std::get<1>(entries[next]) == col) {
            const float other = std::get<2>(entries[next]);
            weight = w + other - w * other;  // fuzzy union
            ++next;
        }
        g.columns.push_back(col);
        g.weights.push_back(weight);
        ++g.rowStart[row + 1];
        e = next;
    }
    for (std::size_t i = 0; i < knn.count; ++i) g.rowStart[i + 1] += g.rowStart[i];
    return g;
}

LayoutEdges scheduleEdges(const FuzzyGraph& graph, int epochs) {
    const float maxWeight = graph.weights.empty()
                                ? 0.0f
                                : *std::max_element(graph.weights.begin(), graph.weights.end());
    const double threshold = maxWeight / static_cast<double>(epochs);
    LayoutEdges edges;
    for (std::size_t i = 0; i < graph.count; ++i) {
        for (std::size_t e = graph.rowStart[i]; e < graph.rowStart[i + 1]; ++e) {
            if (graph.weights[e] < threshold) continue;
            edges.heads.push_back(static_cast<std::uint32_t>(i));
            edges.tails.push_back(graph.columns[e]);
            // An edge of weight w is sampled epochs * w / max times in all.
            edges.epochsPerSample.push_back(maxWeight / graph.weights[e]);
        }
    }
    return edges;
}

}  // namespace latent::umap
