#include "NnDescent.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <string>
#include <vector>

#include "MetricRows.h"
#include "NeighbourLists.h"
#include "RandomProjectionTree.h"
#include "latent/core/SplitMix64.h"
#include "latent/core/ThreadTeam.h"
#include "latent/core/Error.h"

namespace latent::detail {
namespace {

// Points whose candidate pairs are compared before the lists are updated: bounds the
// memory of the pending updates (a few MB) without changing the result.
constexpr std::size_t kJoinBlock = 8192;

struct Update {
    std::uint32_t p, q;
    float d;
};

// Squared Euclidean distance, or 1 - dot for unit rows (cosine). Four partial sums let the
// compiler vectorise without reordering a single sum; d(a, b) == d(b, a) bit for bit.
float rawDistance(const float* a, const float* b, std::size_t dim, bool cosine) {
    float s[4] = {0.0f, 0.0f, 0.0f, 0.0f};
    std::size_t c = 0;
    if (cosine) {
        for (; c + 4 <= dim; c += 4)
            for (int l = 0; l < 4; ++l) s[l] += a[c + l] * b[c + l];
        for (; c < dim; ++c) s[0] += a[c] * b[c];
        return 1.0f - ((s[0] + s[1]) + (s[2] + s[3]));
    }
    for (; c + 4 <= dim; c += 4) {
        for (int l = 0; l < 4; ++l) {
            const float d = a[c + l] - b[c + l];
            s[l] += d * d;
        }
    }
    for (; c < dim; ++c) s[0] += (a[c] - b[c]) * (a[c] - b[c]);
    return (s[0] + s[1]) + (s[2] + s[3]);
}

// The few neighbours of one point that take part in a round's local join, chosen by a
// hash priority so the choice does not depend on the order they are offered in.
class CandidateLists {
public:
    CandidateLists(std::size_t count, std::size_t capacity)
        : capacity_(capacity),
          ids_(count * capacity),
          priorities_(count * capacity),
          sizes_(count) {}

    void clear(std::size_t first, std::size_t last) {
        std::fill(sizes_.begin() + first, sizes_.begin() + last, 0);
    }
    std::size_t size(std::size_t i) const { return sizes_[i]; }
    const std::uint32_t* ids(std::size_t i) const { return ids_.data() + i * capacity_; }
    bool contains(std::size_t i, std::uint32_t j) const {
        const std::uint32_t* id = ids(i);
        return std::find(id, id + sizes_[i], j) != id + sizes_[i];
    }

    // Keeps the `capacity` distinct ids with the lowest (priority, id).
    void add(std::size_t i, std::uint32_t j, std::uint64_t priority) {
        std::uint32_t* id = ids_.data() + i * capacity_;
        std::uint64_t* prio = priorities_.data() + i * capacity_;
        std::uint32_t& size = sizes_[i];
        if (contains(i, j)) return;
        if (size < capacity_) {
            id[size] = j;
            prio[size++] = priority;
            return;
        }
        std::size_t worst = 0;
        for (std::size_t m = 1; m < size; ++m) {
            if (prio[m] > prio[worst] || (prio[m] == prio[worst] && id[m] > id[worst])) worst = m;
        }
        if (priority < prio[worst] || (priority == prio[worst] && j < id[worst])) {
            id[worst] = j;
            prio[worst] = priority;
        }
    }

private:
    std::size_t capacity_;
    std::vector<std::uint32_t> ids_;
    std::vector<std::uint64_t> priorities_;
    std::vector<std::uint32_t> sizes_;
};

class NnDescent {
public:
    NnDescent(const LatentBatch& data, std::size_t k, const NnDescentOptions& o)
        : rows_(rowsForMetric(data, o.metric)),
          cosine_(o.metric == Metric::Cosine),
          options_(o),
          team_(o.threads),
          lists_(data.count, k),
          buffers_(static_cast<std::size_t>(team_.size())),
          fresh_(data.count, o.maxCandidates),
          old_(data.count, o.maxCandidates) {}

    void seedFromTrees() {
        std::vector<TreeLeaves> forest(options_.trees);
        auto build = [&](int worker) {
            for (std::size_t t = static_cast<std::size_t>(worker); t < forest.size();
                 t += static_cast<std::size_t>(team_.size())) {
                forest[t] = randomProjectionLeaves(rows_, options_.leafSize,
                                                   mix64(options_.seed + 7919 * (t + 1)));
            }
        };
        team_.run(build);
        for (const TreeLeaves& leaves : forest) {
            generate(leaves.leafCount(), [&](std::size_t leaf, std::vector<Update>& out) {
                const std::uint32_t* first = leaves.points.data() + leaves.starts[leaf];
                const std::size_t n = leaves.starts[leaf + 1] - leaves.starts[leaf];
                for (std::size_t a = 0; a < n; ++a)
                    for (std::size_t b = a + 1; b < n; ++b) consider(first[a], first[b], out);
            });
            apply();
        }
    }

    // Points the trees left with fewer than k neighbours get pseudo-random ones.
    void fillLists() {
        const std::size_t n = rows_.count;
        auto fill = [&](int worker) {
            const auto [lo, hi] = ownedRange(worker);
            for (std::size_t i = lo; i < hi; ++i) {
                for (std::uint64_t r = 0; lists_.ids(i)[lists_.k() - 1] == NeighbourLists::kNone;
                     ++r) {
                    const auto j =
                        static_cast<std::uint32_t>(mix64(options_.seed ^ (i << 20) ^ r) % n);
                    if (j != i) lists_.offer(i, j, distance(static_cast<std::uint32_t>(i), j));
                }
            }
        };
        team_.run(fill);
    }

    // One round of the local join; returns how many list entries changed. Counted against a
    // copy of the lists, not per offer: how many offers succeed depends on their order.
    std::size_t round(std::size_t number) {
        const NeighbourLists before = lists_;
        chooseCandidates(number);
        for (std::size_t first = 0; first < rows_.count; first += kJoinBlock) {
            const std::size_t count = std::min(kJoinBlock, rows_.count - first);
            generate(count, [&](std::size_t offset, std::vector<Update>& out) {
                join(first + offset, out);
            });
            apply();
        }
        return lists_.differences(before);
    }

    KnnGraph graph() const {
        const std::size_t k = lists_.k();
        KnnGraph g{rows_.count, k, std::vector<std::uint32_t>(rows_.count * k),
                   std::vector<float>(rows_.count * k)};
        for (std::size_t i = 0; i < rows_.count; ++i) {
            for (std::size_t m = 0; m < k; ++m) {
                const float raw = lists_.distances(i)[m];
                g.indices[i * k + m] = lists_.ids(i)[m];
                g.distances[i * k + m] = cosine_ ? raw : std::sqrt(std::max(raw, 0.0f));
            }
        }
        return g;
    }

private:
    float distance(std::uint32_t a, std::uint32_t b) const {
        return rawDistance(rows_.values.data() + a * rows_.dim, rows_.values.data() + b * rows_.dim,
                           rows_.dim, cosine_);
    }

    // Worker w alone writes the lists of the points in its range, so applying needs no locks.
    std::pair<std::size_t, std::size_t> ownedRange(int worker) const {
        const std::size_t n = rows_.count, t = static_cast<std::size_t>(team_.size());
        const auto w = static_cast<std::size_t>(worker);
        return {n * w / t, n * (w + 1) / t};
    }

    void consider(std::uint32_t p, std::uint32_t q, std::vector<Update>& out) const {
        const float d = distance(p, q);
        if (d <= lists_.worst(p) || d <= lists_.worst(q)) out.push_back({p, q, d});
    }

    // Runs produce(item, buffer) for items [0, count) on all workers; the lists are only read.
    template <typename Produce>
    void generate(std::size_t count, Produce produce) {
        std::atomic<std::size_t> next{0};
        auto task = [&](int worker) {
            std::vector<Update>& out = buffers_[static_cast<std::size_t>(worker)];
            for (;;) {
                const std::size_t first = next.fetch_add(64, std::memory_order_relaxed);
                if (first >= count) return;
                for (std::size_t i = first; i < std::min(count, first + 64); ++i) produce(i, out);
            }
        };
        team_.run(task);
    }

    void apply() {
        auto task = [&](int worker) {
            const auto [lo, hi] = ownedRange(worker);
            for (const auto& buffer : buffers_) {
                for (const Update& u : buffer) {
                    if (u.p >= lo && u.p < hi) lists_.offer(u.p, u.q, u.d);
                    if (u.q >= lo && u.q < hi) lists_.offer(u.q, u.p, u.d);
                }
            }
        };
        team_.run(task);
        for (auto& buffer : buffers_) buffer.clear();
    }

    // Each point's join takes a sample of its neighbours and reverse neighbours, new and old
    // apart; sampled new neighbours become old, as in the paper.
    void chooseCandidates(std::size_t number) {
        const std::size_t n = rows_.count, k = lists_.k();
        const std::uint64_t roundSeed = mix64(options_.seed + 0x5851F42D4C957F2Dull * (number + 1));
        auto sample = [&](int worker) {
            const auto [lo, hi] = ownedRange(worker);
            fresh_.clear(lo, hi);
            old_.clear(lo, hi);
            for (std::size_t i = 0; i < n; ++i) {
                for (std::size_t m = 0; m < k; ++m) {
                    const std::uint32_t j = lists_.ids(i)[m];
                    const bool mine = i >= lo && i < hi, theirs = j >= lo && j < hi;
                    if (!mine && !theirs) continue;
                    const std::uint64_t a = std::min<std::uint64_t>(i, j),
                                        b = std::max<std::uint64_t>(i, j);
                    const std::uint64_t priority = mix64(roundSeed ^ (a << 32 | b));
                    CandidateLists& lists = lists_.isFresh(i, m) ? fresh_ : old_;
                    if (mine) lists.add(i, j, priority);
                    if (theirs) lists.add(j, static_cast<std::uint32_t>(i), priority);
                }
            }
        };
        team_.run(sample);
        // Only after every worker has read the flags above.
        auto markJoined = [&](int worker) {
            const auto [lo, hi] = ownedRange(worker);
            for (std::size_t i = lo; i < hi; ++i) {
                for (std::size_t m = 0; m < k; ++m) {
                    if (lists_.isFresh(i, m) && fresh_.contains(i, lists_.ids(i)[m]))
                        lists_.markJoined(i, m);
                }
            }
        };
        team_.run(markJoined);
    }

    void join(std::size_t v, std::vector<Update>& out) const {
        const std::uint32_t* fresh = fresh_.ids(v);
        const std::uint32_t* old = old_.ids(v);
        const std::size_t nFresh = fresh_.size(v), nOld = old_.size(v);
        for (std::size_t a = 0; a < nFresh; ++a) {
            const std::uint32_t p = fresh[a];
            for (std::size_t b = a + 1; b < nFresh; ++b) consider(p, fresh[b], out);
            for (std::size_t b = 0; b < nOld; ++b) {
                if (old[b] != p) consider(p, old[b], out);
            }
        }
    }

    LatentBatch rows_;
    bool cosine_;
    NnDescentOptions options_;
    ThreadTeam team_;
    NeighbourLists lists_;
    std::vector<std::vector<Update>> buffers_;  // one per worker
    CandidateLists fresh_, old_;
};

NnDescentOptions withDefaults(NnDescentOptions o, std::size_t n, std::size_t k) {
    const double logN = std::log2(static_cast<double>(n));
    if (o.trees == 0)
        o.trees = std::clamp<std::size_t>(static_cast<std::size_t>(std::lround(logN / 2)), 4, 12);
    if (o.leafSize == 0) o.leafSize = std::max<std::size_t>(2 * k, 24);
    // pynndescent's cap of 60 keeps a round's join affordable for large k.
    if (o.maxCandidates == 0) o.maxCandidates = std::clamp<std::size_t>(k, 16, 60);
    if (o.maxRounds == 0)
        o.maxRounds = std::max<std::size_t>(5, static_cast<std::size_t>(std::lround(logN)));
    o.threads = std::max(1, o.threads);
    return o;
}

}  // namespace

KnnGraph nnDescentKnnGraph(const LatentBatch& data, std::size_t k, const NnDescentOptions& options,
                           const ProgressFn& progress) {
    if (k < 1 || k >= data.count) {
        throw Error(ErrorKind::InvalidArgument, "k = " + std::to_string(k) +
                                                    " neighbours needs 1 <= k < " +
                                                    std::to_string(data.count) + " points");
    }
    const NnDescentOptions o = withDefaults(options, data.count, k);
    const std::string what = "finding neighbours";
    auto report = [&](double fraction) {
        if (progress && !progress(fraction, what))
            throw Error(ErrorKind::Cancelled, what + " cancelled");
    };
    NnDescent search(data, k, o);
    search.seedFromTrees();
    search.fillLists();
    report(0.2);
    const auto enough =
        static_cast<std::size_t>(o.convergence * static_cast<double>(data.count * k));
    for (std::size_t r = 0; r < o.maxRounds; ++r) {
        const std::size_t changed = search.round(r);
        report(0.2 + 0.8 * static_cast<double>(r + 1) / static_cast<double>(o.maxRounds));
        if (changed <= enough) break;
    }
    return search.graph();
}

}  // namespace latent::detail
