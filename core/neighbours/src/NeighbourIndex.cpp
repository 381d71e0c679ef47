#include "latent/core/NeighbourIndex.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "MetricRows.h"
#include "latent/core/Error.h"

namespace latent {

void parallelFor(std::size_t n, int threads, const ProgressFn& progress, const std::string& what,
                 const std::function<void(std::size_t)>& body) {
    std::atomic<std::size_t> next{0}, done{0};
    std::atomic<bool> stop{false};
    bool cancelled = false;
    std::exception_ptr failure;
    std::mutex mutex;
    constexpr std::size_t kChunk = 256;
    auto worker = [&](bool reports) {
        try {
            for (;;) {
                const std::size_t first = next.fetch_add(kChunk);
                if (first >= n || stop) return;
                const std::size_t last = std::min(n, first + kChunk);
                for (std::size_t i = first; i < last; ++i) body(i);
                const std::size_t total = done += last - first;
                if (reports && progress &&
                    !progress(static_cast<double>(total) / static_cast<double>(n), what)) {
                    std::lock_guard lock(mutex);
                    cancelled = true;
                    stop = true;
                }
            }
        } catch (...) {
            std::lock_guard lock(mutex);
            if (!failure) failure = std::current_exception();
            stop = true;
        }
    };
    std::vector<std::thread> pool;
    for (int t = 1; t < std::max(1, threads); ++t) pool.emplace_back(worker, false);
    worker(true);
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
    if (cancelled) throw Error(ErrorKind::Cancelled, what + " cancelled");
}

struct NeighbourIndex::Impl {
    Metric metric = Metric::Euclidean;
    LatentBatch data;  // rows as indexed (unit length for cosine)
    std::unique_ptr<hnswlib::SpaceInterface<float>> space;
    std::unique_ptr<hnswlib::HierarchicalNSW<float>> hnsw;  // null: exact search

    float toDistance(float raw) const {
        // hnswlib's L2 space gives squared distances, its inner-product space 1 - dot.
        return metric == Metric::Euclidean ? std::sqrt(std::max(raw, 0.0f)) : raw;
    }
    float rawDistance(std::span<const float> a, std::span<const float> b) const {
        float d = 0.0f;
        if (metric == Metric::Euclidean) {
            for (std::size_t c = 0; c < a.size(); ++c) d += (a[c] - b[c]) * (a[c] - b[c]);
            return d;
        }
        for (std::size_t c = 0; c < a.size(); ++c) d += a[c] * b[c];
        return 1.0f - d;
    }
};

NeighbourIndex NeighbourIndex::build(const LatentBatch& data, const KnnOptions& options,
                                     const ProgressFn& progress) {
    auto impl = std::make_unique<Impl>();
    impl->metric = options.metric;
    impl->data = detail::rowsForMetric(data, options.metric);
    if (data.count > options.exactBelow) {
        if (options.metric == Metric::Euclidean) {
            impl->space = std::make_unique<hnswlib::L2Space>(data.dim);
        } else {
            impl->space = std::make_unique<hnswlib::InnerProductSpace>(data.dim);
        }
        impl->hnsw = std::make_unique<hnswlib::HierarchicalNSW<float>>(
            impl->space.get(), data.count, options.hnswM, options.hnswEfConstruction,
            static_cast<std::size_t>(options.seed));
        const float* rows = impl->data.values.data();
        impl->hnsw->addPoint(rows, 0);  // the entry point first, so adds can run in parallel
        const int insertThreads = options.reproducibleIndex ? 1 : options.threads;
        parallelFor(data.count - 1, insertThreads, progress, "indexing neighbours",
                    [&](std::size_t i) { impl->hnsw->addPoint(rows + (i + 1) * data.dim, i + 1); });
        impl->hnsw->setEf(options.hnswEfSearch ? options.hnswEfSearch : 64);
    }
    return NeighbourIndex(std::move(impl));
}

NeighbourIndex::NeighbourIndex(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
NeighbourIndex::NeighbourIndex(NeighbourIndex&&) noexcept = default;
NeighbourIndex& NeighbourIndex::operator=(NeighbourIndex&&) noexcept = default;
NeighbourIndex::~NeighbourIndex() = default;

std::size_t NeighbourIndex::size() const { return impl_->data.count; }
std::size_t NeighbourIndex::dim() const { return impl_->data.dim; }
bool NeighbourIndex::isExact() const { return !impl_->hnsw; }

std::vector<Neighbour> NeighbourIndex::nearest(std::span<const float> query, std::size_t k,
                                               std::optional<std::size_t> exclude) const {
    if (query.size() != dim()) {
        throw Error(ErrorKind::InvalidArgument, "query of size " + std::to_string(query.size()) +
                                                    " for an index of size " + std::to_string(dim()));
    }
    std::vector<float> q(query.begin(), query.end());
    if (impl_->metric == Metric::Cosine) detail::normaliseRow(q);
    const std::size_t available = size() - (exclude && *exclude < size() ? 1 : 0);
    k = std::min(k, available);
    std::vector<std::pair<float, std::uint32_t>> found;
    if (impl_->hnsw) {
        // Ask for one more than needed: the excluded row may be among them.
        const std::size_t ask = std::min(size(), k + (exclude ? 1 : 0));
        auto result = impl_->hnsw->searchKnn(q.data(), ask);
        while (!result.empty()) {
            if (!exclude || result.top().second != *exclude) {
                found.emplace_back(result.top().first, static_cast<std::uint32_t>(result.top().second));
            }
            result.pop();
        }
        std::sort(found.begin(), found.end());
    } else {
        found.reserve(size());
        for (std::size_t j = 0; j < size(); ++j) {
            if (exclude && j == *exclude) continue;
            found.emplace_back(impl_->rawDistance(q, impl_->data.row(j)), static_cast<std::uint32_t>(j));
        }
        std::partial_sort(found.begin(), found.begin() + static_cast<std::ptrdiff_t>(k), found.end());
    }
    found.resize(std::min(found.size(), k));
    std::vector<Neighbour> out;
    out.reserve(found.size());
    for (const auto& [raw, j] : found) out.push_back({j, impl_->toDistance(raw)});
    return out;
}

}  // namespace latent
