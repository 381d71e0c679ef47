#include "latent/core/NeighbourGraphs.h"

#include <chrono>

#include "ProjectionKnn.h"
#include "UmapGraph.h"
#include "latent/core/Error.h"

namespace latent {

std::shared_ptr<const FuzzyGraph> NeighbourGraphs::get(const LatentBatch& data, int neighbours, Metric metric,
                                                       std::uint64_t seed, int threads, const ProgressFn& progress) {
    return entry(data, neighbours, metric, seed, threads, progress).graph;
}

std::shared_ptr<const KnnGraph> NeighbourGraphs::knn(const LatentBatch& data, int neighbours, Metric metric,
                                                     std::uint64_t seed, int threads, const ProgressFn& progress) {
    return entry(data, neighbours, metric, seed, threads, progress).knn;
}

NeighbourGraphs::Entry NeighbourGraphs::entry(const LatentBatch& data, int neighbours, Metric metric,
                                              std::uint64_t seed, int threads, const ProgressFn& progress) {
    const Key key{neighbours, metric, seed};
    std::unique_lock lock(mutex_);
    for (auto it = entries_.find(key); it != entries_.end(); it = entries_.find(key)) {
        if (it->second.graph) return it->second;
        // Another request is building it: wait, still honouring our own cancel.
        changed_.wait_for(lock, std::chrono::milliseconds(50));
        lock.unlock();
        const bool goOn = !progress || progress(0.0, "Waiting for the neighbour graph…");
        lock.lock();
        if (!goOn) throw Error(ErrorKind::Cancelled, "cancelled");
    }
    entries_.emplace(key, Entry{});
    lock.unlock();
    Entry built;
    try {
        built.knn = std::make_shared<const KnnGraph>(buildKnnGraph(
            data, static_cast<std::size_t>(neighbours - 1), detail::projectionKnnOptions(metric, threads, seed), progress));
        built.graph = std::make_shared<const FuzzyGraph>(umap::fuzzySimplicialSet(*built.knn, neighbours, threads));
    } catch (...) {
        lock.lock();
        entries_.erase(key);
        changed_.notify_all();
        throw;
    }
    lock.lock();
    entries_[key] = built;
    ++builds_;
    changed_.notify_all();
    return built;
}

std::size_t NeighbourGraphs::builds() const {
    std::lock_guard lock(mutex_);
    return builds_;
}

}  // namespace latent
