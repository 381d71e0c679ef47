#include "latent/core/KnnGraph.h"

#include <hnswlib/hnswlib.h>

#include <algorithm>
#include <atomic>
#include <exception>
#include <cmath>
#include <mutex>
#include <numeric>
#include <thread>

#include "latent/core/Error.h"

namespace latent {
namespace {

void checkInput(const LatentBatch& data, std::size_t k) {
    if (k < 1 || k >= data.count) {
        throw Error(ErrorKind::InvalidArgument, "k = " + std::to_string(k) + " neighbours needs 1 <= k < " +
                                                    std::to_string(data.count) + " points");
    }
    for (float v : data.values) {
        if (!std::isfinite(v)) throw Error(ErrorKind::InvalidArgument, "neighbour search input has NaN or Inf");
    }
}

// Rows scaled to unit length, so cosine distance is 1 - dot product.
LatentBatch normalisedRows(const LatentBatch& data) {
    LatentBatch out = data;
    for (std::size_t i = 0; i < out.count; ++i) {
        auto row = out.row(i);
        double norm = 0.0;
        for (float v : row) norm += static_cast<double>(v) * v;
        const float scale = norm > 0.0 ? static_cast<float>(1.0 / std::sqrt(norm)) : 0.0f;
        for (float& v : row) v *= scale;
    }
    return out;
}

// Runs body(i) for i in [0, n) on `threads` threads, in chunks, checking for cancel.
// The first exception a body throws stops the others and is rethrown here.
template <typename Body>
void parallelFor(std::size_t n, int threads, const ProgressFn& progress, const std::string& what, Body body) {
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

float distanceOf(float raw, Metric metric) {
    // hnswlib's L2 space returns squared distances; its inner-product space 1 - dot.
    return metric == Metric::Euclidean ? std::sqrt(std::max(raw, 0.0f)) : raw;
}

}  // namespace

KnnGraph exactKnnGraph(const LatentBatch& input, std::size_t k, Metric metric, int threads) {
    checkInput(input, k);
    const LatentBatch data = metric == Metric::Cosine ? normalisedRows(input) : input;
    KnnGraph g{data.count, k, std::vector<std::uint32_t>(data.count * k), std::vector<float>(data.count * k)};
    parallelFor(data.count, threads, {}, "exact neighbours", [&](std::size_t i) {
        std::vector<std::pair<float, std::uint32_t>> all;
        all.reserve(data.count - 1);
        const auto a = data.row(i);
        for (std::size_t j = 0; j < data.count; ++j) {
            if (j == i) continue;
            const auto b = data.row(j);
            float d = 0.0f;
            if (metric == Metric::Euclidean) {
                for (std::size_t c = 0; c < data.dim; ++c) d += (a[c] - b[c]) * (a[c] - b[c]);
            } else {
                for (std::size_t c = 0; c < data.dim; ++c) d += a[c] * b[c];
                d = 1.0f - d;
            }
            all.emplace_back(d, static_cast<std::uint32_t>(j));
        }
        std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
        for (std::size_t m = 0; m < k; ++m) {
            g.indices[i * k + m] = all[m].second;
            g.distances[i * k + m] = distanceOf(all[m].first, metric);
        }
    });
    return g;
}

KnnGraph buildKnnGraph(const LatentBatch& input, std::size_t k, const KnnOptions& options,
                       const ProgressFn& progress) {
    checkInput(input, k);
    if (input.count <= options.exactBelow) return exactKnnGraph(input, k, options.metric, options.threads);

    const LatentBatch data = options.metric == Metric::Cosine ? normalisedRows(input) : input;
    hnswlib::L2Space l2(data.dim);
    hnswlib::InnerProductSpace ip(data.dim);
    hnswlib::SpaceInterface<float>* space = options.metric == Metric::Euclidean
                                                ? static_cast<hnswlib::SpaceInterface<float>*>(&l2)
                                                : &ip;
    hnswlib::HierarchicalNSW<float> index(space, data.count, options.hnswM, options.hnswEfConstruction,
                                          static_cast<std::size_t>(options.seed));
    // Building is about two thirds of the work; progress reports it as such.
    auto scaled = [&](double from, double to) -> ProgressFn {
        if (!progress) return {};
        return [=](double f, const std::string& msg) { return progress(from + (to - from) * f, msg); };
    };
    index.addPoint(data.values.data(), 0);  // the entry point first, so adds can run in parallel
    parallelFor(data.count - 1, options.threads, scaled(0.0, 0.65), "indexing neighbours",
                [&](std::size_t i) { index.addPoint(data.values.data() + (i + 1) * data.dim, i + 1); });
    index.setEf(options.hnswEfSearch ? options.hnswEfSearch : std::max<std::size_t>(2 * k, 64));

    KnnGraph g{data.count, k, std::vector<std::uint32_t>(data.count * k), std::vector<float>(data.count * k)};
    parallelFor(data.count, options.threads, scaled(0.65, 1.0), "finding neighbours", [&](std::size_t i) {
        auto result = index.searchKnn(data.values.data() + i * data.dim, k + 1);
        std::vector<std::pair<float, std::uint32_t>> found;
        while (!result.empty()) {
            if (result.top().second != i) {
                found.emplace_back(result.top().first, static_cast<std::uint32_t>(result.top().second));
            }
            result.pop();
        }
        std::sort(found.begin(), found.end());
        found.resize(std::min(found.size(), k));
        if (found.empty()) throw Error(ErrorKind::Inference, "neighbour search found nothing");
        for (std::size_t m = 0; m < k; ++m) {
            // HNSW can return fewer than k (e.g. many duplicates): repeat the farthest found.
            const auto& [d, j] = found[std::min(m, found.size() - 1)];
            g.indices[i * k + m] = j;
            g.distances[i * k + m] = distanceOf(d, options.metric);
        }
    });
    return g;
}

}  // namespace latent
