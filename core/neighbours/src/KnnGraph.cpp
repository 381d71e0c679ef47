#include "latent/core/KnnGraph.h"

#include <cmath>

#include "NnDescent.h"
#include "latent/core/Error.h"
#include "latent/core/NeighbourIndex.h"
#include "latent/core/ProgressRange.h"

namespace latent {
namespace {

void checkK(const LatentBatch& data, std::size_t k) {
    if (k < 1 || k >= data.count) {
        throw Error(ErrorKind::InvalidArgument, "k = " + std::to_string(k) + " neighbours needs 1 <= k < " +
                                                    std::to_string(data.count) + " points");
    }
}

// Fills the graph from per-point queries, `threads` at a time.
KnnGraph graphFrom(const NeighbourIndex& index, const LatentBatch& data, std::size_t k, int threads,
                   const ProgressFn& progress) {
    KnnGraph g{data.count, k, std::vector<std::uint32_t>(data.count * k), std::vector<float>(data.count * k)};
    parallelFor(data.count, threads, progress, "finding neighbours", [&](std::size_t i) {
        const auto found = index.nearest(data.row(i), k, i);
        if (found.empty()) throw Error(ErrorKind::Inference, "neighbour search found nothing");
        for (std::size_t m = 0; m < k; ++m) {
            // HNSW can return fewer than k (e.g. many duplicates): repeat the farthest found.
            const Neighbour& n = found[std::min(m, found.size() - 1)];
            g.indices[i * k + m] = n.index;
            g.distances[i * k + m] = n.distance;
        }
    });
    return g;
}

}  // namespace

KnnGraph exactKnnGraph(const LatentBatch& data, std::size_t k, Metric metric, int threads) {
    checkK(data, k);
    KnnOptions exact;
    exact.metric = metric;
    exact.exactBelow = data.count;
    return graphFrom(NeighbourIndex::build(data, exact), data, k, threads, {});
}

KnnGraph buildKnnGraph(const LatentBatch& data, std::size_t k, const KnnOptions& options,
                       const ProgressFn& progress) {
    checkK(data, k);
    if (options.nnDescent && data.count > options.exactBelow) {
        detail::NnDescentOptions nn;
        nn.metric = options.metric;
        nn.threads = options.threads;
        nn.seed = options.seed;
        return detail::nnDescentKnnGraph(data, k, nn, progress);
    }
    KnnOptions tuned = options;
    if (tuned.hnswEfSearch == 0) tuned.hnswEfSearch = std::max<std::size_t>(2 * k, 64);
    // Building the index is about two thirds of the work.
    const auto index = NeighbourIndex::build(data, tuned, subRange(progress, 0.0, 0.65));
    return graphFrom(index, data, k, options.threads, subRange(progress, 0.65, 1.0));
}

}  // namespace latent
