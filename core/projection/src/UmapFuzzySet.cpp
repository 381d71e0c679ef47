// UMAP's fuzzy simplicial set: local scales per point, memberships, fuzzy union, and the
// sampling schedule of the edges for the SGD.
#include <algorithm>
#include <cmath>
#include <limits>
#include <utility>

#include "latent/core/ThreadTeam.h"
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

FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, int neighbours, int threads) {
    const double target = std::log2(static_cast<double>(neighbours));
    double meanAll = 0.0;
    for (float d : knn.distances) meanAll += d;
    meanAll /= static_cast<double>(std::max<std::size_t>(1, knn.distances.size()));
    const std::size_t n = knn.count, k = knn.k;
    ThreadTeam team(threads);

    // Directed memberships, row by row on any thread; a repeated neighbour (an approximate
    // graph can have one) gets a negative weight and is skipped from then on.
    std::vector<float> directed(n * k);
    auto memberships = [&](std::size_t i) {
        const float* d = knn.neighbourDistances(i);
        const std::uint32_t* nb = knn.neighbours(i);
        const LocalScale s = smoothKnnScale(d, k, target, meanAll);
        for (std::size_t m = 0; m < k; ++m) {
            const double excess = d[m] - s.rho;
            const bool repeated = std::find(nb, nb + m, nb[m]) != nb + m;
            directed[i * k + m] =
                repeated ? -1.0f : static_cast<float>(excess > 0.0 ? std::exp(-excess / s.sigma) : 1.0);
        }
    };
    team.parallelFor(n, 256, memberships);

    // The transposed memberships: who points at each point, in ascending order of source.
    std::vector<std::size_t> inStart(n + 1, 0);
    for (std::size_t e = 0; e < n * k; ++e) {
        if (directed[e] >= 0.0f) ++inStart[knn.indices[e] + 1];
    }
    for (std::size_t i = 0; i < n; ++i) inStart[i + 1] += inStart[i];
    std::vector<std::pair<std::uint32_t, float>> incoming(inStart[n]);
    {
        std::vector<std::size_t> fill(inStart.begin(), inStart.end() - 1);
        for (std::size_t e = 0; e < n * k; ++e) {
            if (directed[e] >= 0.0f) incoming[fill[knn.indices[e]]++] = {static_cast<std::uint32_t>(e / k), directed[e]};
        }
    }

    // Row i of the union merges its own memberships (sorted by column) with the incoming
    // ones; a pair present both ways becomes w + v - w v. Rows are counted, then filled.
    FuzzyGraph g;
    g.count = n;
    g.rowStart.assign(n + 1, 0);
    auto mergeRow = [&](std::size_t i, auto emit) {
        std::vector<std::pair<std::uint32_t, float>> out;
        out.reserve(k);
        for (std::size_t m = 0; m < k; ++m) {
            if (directed[i * k + m] >= 0.0f) out.emplace_back(knn.indices[i * k + m], directed[i * k + m]);
        }
        std::sort(out.begin(), out.end());
        const std::size_t outCount = out.size();
        const auto* in = incoming.data() + inStart[i];
        const std::size_t inCount = inStart[i + 1] - inStart[i];
        std::size_t a = 0, b = 0;
        while (a < outCount || b < inCount) {
            if (b == inCount || (a < outCount && out[a].first < in[b].first)) {
                emit(out[a].first, out[a].second);
                ++a;
            } else if (a == outCount || in[b].first < out[a].first) {
                emit(in[b].first, in[b].second);
                ++b;
            } else {
                const float w = out[a].second, v = in[b].second;
                emit(out[a].first, w + v - w * v);
                ++a;
                ++b;
            }
        }
    };
    auto countRow = [&](std::size_t i) {
        std::size_t count = 0;
        mergeRow(i, [&](std::uint32_t, float) { ++count; });
        g.rowStart[i + 1] = count;
    };
    team.parallelFor(n, 256, countRow);
    for (std::size_t i = 0; i < n; ++i) g.rowStart[i + 1] += g.rowStart[i];
    g.columns.resize(g.rowStart[n]);
    g.weights.resize(g.rowStart[n]);
    auto fillRow = [&](std::size_t i) {
        std::size_t at = g.rowStart[i];
        mergeRow(i, [&](std::uint32_t column, float weight) {
            g.columns[at] = column;
            g.weights[at] = weight;
            ++at;
        });
    };
    team.parallelFor(n, 256, fillRow);
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

namespace latent {

FuzzyGraph fuzzyNeighbourGraph(const KnnGraph& knn, int neighbours, int threads) {
    return umap::fuzzySimplicialSet(knn, neighbours, threads);
}

}  // namespace latent
