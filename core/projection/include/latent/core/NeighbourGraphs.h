#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <condition_variable>
#include <mutex>
#include <tuple>

#include "latent/core/FuzzyGraph.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"
#include "latent/core/Projection.h"

namespace latent {

// The UMAP neighbour graphs of one set of latents, each built once and shared by whatever
// needs it: the UMAP map, and clusters found on the same graph. A graph depends on the
// neighbour count, the metric and the seed only (its kNN search gives the same graph for a
// seed whatever the thread count). Thread-safe: a request for a graph another thread is
// building waits for it; a build that fails or is cancelled is not kept, and the next
// request builds it again.
class NeighbourGraphs {
public:
    // The graph of `data` (the latents this object belongs to) for `neighbours` (counting
    // the item, as umap-learn's n_neighbors), `metric` and `seed`; built with `threads` and
    // `progress` when no other request built it. Throws as buildKnnGraph does (Cancelled
    // when `progress` returns false, also while waiting for another thread's build).
    std::shared_ptr<const FuzzyGraph> get(const LatentBatch& data, int neighbours, Metric metric,
                                          std::uint64_t seed, int threads, const ProgressFn& progress = {});
    // The kNN graph (neighbours - 1 per item) that graph is built from, for what works on
    // distances (density clusters). Built, kept and waited for together with it.
    std::shared_ptr<const KnnGraph> knn(const LatentBatch& data, int neighbours, Metric metric,
                                        std::uint64_t seed, int threads, const ProgressFn& progress = {});
    // How many graphs were built (not found), for tests and benchmarks.
    std::size_t builds() const;

private:
    using Key = std::tuple<int, Metric, std::uint64_t>;
    struct Entry {
        std::shared_ptr<const KnnGraph> knn;      // null while building
        std::shared_ptr<const FuzzyGraph> graph;  // null while building
    };
    Entry entry(const LatentBatch& data, int neighbours, Metric metric, std::uint64_t seed, int threads,
                const ProgressFn& progress);
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    std::map<Key, Entry> entries_;
    std::size_t builds_ = 0;
};

}  // namespace latent
