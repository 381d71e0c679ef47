// UMAP's stochastic gradient descent: attraction along sampled edges, repulsion from
// negative samples, linearly decaying learning rate, gradients clipped at 4.
#include <algorithm>
#include <cmath>
#include <thread>

#include "AnchorShape.h"
#include "MortonCode.h"
#include "latent/core/SplitMix64.h"
#include "latent/core/ThreadTeam.h"
#include "UmapGradientTable.h"
#include "UmapGraph.h"

namespace latent::umap {
namespace {

constexpr float kClip = 4.0f;
constexpr int kMaxDims = 3;

// splitmix64: small, fast, and good enough to pick negative samples.
using SampleRng = detail::SplitMix64;

std::uint64_t streamSeed(std::uint64_t seed, std::uint64_t stream) {
    SampleRng mix(seed ^ (0xD1B54A32D192ED03ull * (stream + 1)));
    return mix.next();
}

float clip(float g) {
    return std::clamp(g, -kClip, kClip);
}

float squaredDistance(const float* x, const float* y, int dims) {
    float d2 = 0.0f;
    for (int c = 0; c < dims; ++c) d2 += (x[c] - y[c]) * (x[c] - y[c]);
    return d2;
}

// The sampling state of every edge and the two gradient steps.
class EdgeSampler {
public:
    EdgeSampler(const LayoutEdges& edges, const SgdSettings& s, int dims)
        : edges_(edges), settings_(s), gradient_(s.curve), nextSample_(edges.epochsPerSample),
          dims_(dims) {
        nextNegative_.resize(edges.epochsPerSample.size());
        for (std::size_t e = 0; e < nextNegative_.size(); ++e) {
            nextNegative_[e] = edges.epochsPerSample[e] / s.negativeSamples;
        }
    }

    // Runs edge e in epoch `epoch` if it is due. `head` is written; `tail` and `negative(k)`
    // give read access to other points. As in umap-learn, the one attraction step is applied
    // to the head and, negated, to the tail through moveTail(step): moving only the head
    // (twice, to keep the pull per point) cost 0.0096 of trustworthiness on the
    // Fashion-MNIST latents at N = 70,000.
    template <typename PointOf, typename MoveTail>
    void run(std::size_t e, int epoch, float alpha, float* head, const float* tail,
             std::size_t negativePool, PointOf negative, SampleRng& rng, MoveTail moveTail) {
        if (nextSample_[e] > epoch) return;
        const int dims = dims_;
        const double perSample = edges_.epochsPerSample[e];
        nextSample_[e] += perSample;
        const double perNegative = perSample / settings_.negativeSamples;
        const auto negatives = static_cast<int>((epoch - nextNegative_[e]) / perNegative);
        nextNegative_[e] += negatives * perNegative;

        // The negative samples are drawn first and their points prefetched, so the cache
        // misses of these random reads overlap the attraction steps instead of following
        // one another. The draws come from the RNG in the same order as before.
        constexpr int kBatch = 8;
        const float* others[kBatch];
        int drawn = 0, remaining = negatives;
        auto draw = [&] {
            drawn = std::min(remaining, kBatch);
            remaining -= drawn;
            for (int n = 0; n < drawn; ++n) {
                others[n] = negative(rng.below(negativePool));
                __builtin_prefetch(others[n]);
            }
        };
        draw();
        const float d2 = squaredDistance(head, tail, dims);
        if (d2 > 0.0f) {
            const float coef = gradient_.attraction(d2);
            float step[kMaxDims];
            for (int c = 0; c < dims; ++c) {
                step[c] = clip(coef * (head[c] - tail[c])) * alpha;
                head[c] += step[c];
            }
            moveTail(step);
        }
        while (drawn > 0) {
            for (int n = 0; n < drawn; ++n) {
                const float* other = others[n];
                if (other == head) continue;
                const float dn2 = squaredDistance(head, other, dims);
                const float coef = dn2 > 0.0f ? gradient_.repulsion(dn2) : 0.0f;
                for (int c = 0; c < dims; ++c) {
                    // Coincident points get the largest push so they separate.
                    const float g = coef > 0.0f ? clip(coef * (head[c] - other[c])) : kClip;
                    head[c] += g * alpha;
                }
            }
            draw();
        }
    }

private:
    const LayoutEdges& edges_;
    const SgdSettings& settings_;
    const GradientTable gradient_;
    std::vector<double> nextSample_;
    std::vector<double> nextNegative_;
    int dims_;
};

// Splits the points into `parts` contiguous ranges holding about equal work: an edge costs
// its samples over the epochs (1 / epochs per sample), each a pull and its negative
// samples. Split by edge count, one of two threads waited for the other: the SGD took
// 8.5 s instead of 7.0 s at N = 70,000.
std::vector<std::size_t> pointRanges(const LayoutEdges& edges, std::size_t points,
                                     std::size_t parts) {
    std::vector<double> cost(edges.heads.size() + 1, 0.0);
    for (std::size_t e = 0; e < edges.heads.size(); ++e)
        cost[e + 1] = cost[e] + 1.0 / edges.epochsPerSample[e];
    std::vector<std::size_t> bounds(parts + 1, points);
    bounds[0] = 0;
    for (std::size_t t = 1; t < parts; ++t) {
        const double share = cost.back() * static_cast<double>(t) / static_cast<double>(parts);
        const auto reached = std::lower_bound(cost.begin() + 1, cost.end(), share);
        const auto e = static_cast<std::size_t>(reached - cost.begin() - 1);
        bounds[t] =
            e < edges.heads.size() ? std::max<std::size_t>(edges.heads[e], bounds[t - 1]) : points;
    }
    return bounds;
}

// Runs body(t) for t in [0, parts) with t = 0 on the calling thread.
template <typename Body>
void runParts(std::size_t parts, Body body) {
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < parts; ++t) pool.emplace_back(body, t);
    body(0);
    for (auto& thread : pool) thread.join();
}

constexpr int kRoundsPerEpoch = 8;

// The SGD proper, on points numbered so that each thread's range is a region of the map.
void optimiseInPlace(std::vector<float>& layout, int dims, const LayoutEdges& edges,
                     const SgdSettings& settings, const EpochFn& onEpochs) {
    const std::size_t points = layout.size() / static_cast<std::size_t>(dims);
    const std::size_t parts = std::clamp<std::size_t>(settings.threads, 1, points);
    const auto bounds = pointRanges(edges, points, parts);
    std::vector<std::size_t> edgeBounds(parts + 1);
    for (std::size_t t = 0; t <= parts; ++t) {
        edgeBounds[t] = static_cast<std::size_t>(
            std::lower_bound(edges.heads.begin(), edges.heads.end(), bounds[t]) -
            edges.heads.begin());
    }
    std::vector<SampleRng> rngs;
    for (std::size_t t = 0; t < parts; ++t) rngs.emplace_back(streamSeed(settings.seed, t));
    EdgeSampler sampler(edges, settings, dims);
    ThreadTeam team(static_cast<int>(parts));

    // Each thread moves the points of its own range at once. It reads other ranges from a
    // snapshot taken before each round (an eighth of the epoch's edges), and its steps for
    // their points (edge tails) wait in its own buffer until every thread is done, then are
    // added in thread order: the result depends on the seed and the thread count only.
    // With one round per epoch, points a whole epoch stale cost 2 threads 0.006-0.008 of
    // trustworthiness@15 at N = 70,000 (seeds 1 and 2: 0.9522 and 0.9537 against 0.9601
    // and 0.9590 on one thread); with 8 rounds they score 0.9597 and 0.9597.
    detail::Spread spread;  // the layout's at the epoch's start, for the anchor's pull
    std::vector<float> snapshot;
    std::vector<std::vector<float>> foreignSteps(parts > 1 ? parts : 0,
                                                 std::vector<float>(layout.size(), 0.0f));
    auto epochOf = [&](int epoch, int round) {
        return [&, epoch, round](int worker) {
            const auto t = static_cast<std::size_t>(worker);
            auto own = [&](std::uint32_t k) { return k >= bounds[t] && k < bounds[t + 1]; };
            auto pointOf = [&](std::uint32_t k) -> const float* {
                return (own(k) ? layout.data() : snapshot.data()) + std::size_t{k} * dims;
            };
            const auto alpha = static_cast<float>(
                settings.learningRate * (1.0 - static_cast<double>(epoch) / settings.epochs));
            // A local copy: the threads' generators sit side by side in `rngs`, and writing
            // them in place on every draw made the two cores fight over one cache line
            // (12% of the SGD's time).
            SampleRng rng = rngs[t];
            const std::size_t length = edgeBounds[t + 1] - edgeBounds[t];
            const std::size_t from = edgeBounds[t] + length * round / kRoundsPerEpoch;
            const std::size_t to = edgeBounds[t] + length * (round + 1) / kRoundsPerEpoch;
            for (std::size_t e = from; e < to; ++e) {
                const std::uint32_t tail = edges.tails[e];
                float* moved = own(tail) ? layout.data() : foreignSteps[t].data();
                sampler.run(e, epoch, alpha, layout.data() + std::size_t{edges.heads[e]} * dims,
                            pointOf(tail), points, pointOf, rng, [&](const float* step) {
                                for (int c = 0; c < dims; ++c)
                                    moved[std::size_t{tail} * dims + c] -= step[c];
                            });
            }
            rngs[t] = rng;
            if (settings.anchor && round == kRoundsPerEpoch - 1) {
                const float pull = alpha * settings.anchorWeight;
                const std::vector<float>& shape = *settings.anchor;
                for (std::size_t i = bounds[t] * dims; i < bounds[t + 1] * dims; ++i) {
                    const double target = spread.centre[i % dims] + spread.rms * shape[i];
                    layout[i] += pull * (static_cast<float>(target) - layout[i]);
                }
            }
        };
    };
    auto addForeignSteps = [&](int worker) {
        const auto t = static_cast<std::size_t>(worker);
        for (std::size_t from = 0; from < parts; ++from) {
            for (std::size_t i = bounds[t] * dims; i < bounds[t + 1] * dims; ++i) {
                layout[i] += foreignSteps[from][i];
                foreignSteps[from][i] = 0.0f;
            }
        }
    };

    constexpr int kReportEvery = 10;
    for (int epoch = 0; epoch < settings.epochs; ++epoch) {
        if (settings.anchor) spread = detail::spreadOf(layout, dims);
        for (int round = 0; round < kRoundsPerEpoch; ++round) {
            if (parts > 1) snapshot = layout;
            auto work = epochOf(epoch, round);
            team.run(work);
            if (parts > 1) team.run(addForeignSteps);
        }
        const int done = epoch + 1;
        const bool report = done % kReportEvery == 0 || done == settings.epochs;
        if (report && onEpochs && !onEpochs(done)) return;
    }
}

// The edges with points renamed by `rank`, sorted by their new head (stably, so edges of
// one head keep their order).
LayoutEdges renamed(const LayoutEdges& edges, const std::vector<std::uint32_t>& rank) {
    const std::size_t points = rank.size();
    std::vector<std::size_t> start(points + 1, 0);
    for (std::uint32_t h : edges.heads) ++start[rank[h] + 1];
    for (std::size_t i = 0; i < points; ++i) start[i + 1] += start[i];
    LayoutEdges out;
    out.heads.resize(edges.heads.size());
    out.tails.resize(edges.heads.size());
    out.epochsPerSample.resize(edges.heads.size());
    for (std::size_t e = 0; e < edges.heads.size(); ++e) {
        const std::size_t slot = start[rank[edges.heads[e]]]++;
        out.heads[slot] = rank[edges.heads[e]];
        out.tails[slot] = rank[edges.tails[e]];
        out.epochsPerSample[slot] = edges.epochsPerSample[e];
    }
    return out;
}

}  // namespace

void optimiseLayout(std::vector<float>& layout, int dims, const LayoutEdges& edges,
                    const SgdSettings& settings, const EpochFn& onEpochs) {
    // Points in Morton order of the initial layout: the threads' ranges become regions of
    // the map, so few edges cross between threads (whose steps on each other's points wait
    // for the epoch's end), and neighbours sit near each other in memory. In the original
    // order half the edges crossed, which cost 0.01 of trustworthiness at N = 70,000.
    const std::vector<std::uint32_t> order = detail::mortonOrder(layout, dims);
    std::vector<std::uint32_t> rank(order.size());
    for (std::size_t s = 0; s < order.size(); ++s) rank[order[s]] = static_cast<std::uint32_t>(s);
    const auto d = static_cast<std::size_t>(dims);
    auto reordered = [&](const std::vector<float>& points) {
        std::vector<float> out(points.size());
        for (std::size_t s = 0; s < order.size(); ++s)
            std::copy_n(points.begin() + order[s] * d, d, out.begin() + s * d);
        return out;
    };
    std::vector<float> ordered = reordered(layout);
    auto restore = [&] {
        for (std::size_t s = 0; s < order.size(); ++s)
            std::copy_n(ordered.begin() + s * d, d, layout.begin() + order[s] * d);
    };
    // The caller reads `layout` in its callback: put it back in the caller's order first.
    EpochFn reported;
    if (onEpochs) {
        reported = [&](int done) {
            restore();
            return onEpochs(done);
        };
    }
    SgdSettings inOrder = settings;
    std::vector<float> anchor;
    if (settings.anchor) {
        anchor = reordered(*settings.anchor);
        inOrder.anchor = &anchor;
    }
    optimiseInPlace(ordered, dims, renamed(edges, rank), inOrder, reported);
    restore();
}

void optimiseNewPoints(std::vector<float>& moving, const std::vector<float>& reference, int dims,
                       const LayoutEdges& edges, const SgdSettings& settings) {
    const std::size_t points = moving.size() / static_cast<std::size_t>(dims);
    const std::size_t pool = reference.size() / static_cast<std::size_t>(dims);
    const std::size_t parts =
        std::clamp<std::size_t>(settings.threads, 1, std::max<std::size_t>(points, 1));
    const auto bounds = pointRanges(edges, points, parts);
    EdgeSampler sampler(edges, settings, dims);
    auto referencePoint = [&](std::uint32_t k) { return reference.data() + std::size_t{k} * dims; };
    runParts(parts, [&](std::size_t t) {
        auto first = std::lower_bound(edges.heads.begin(), edges.heads.end(), bounds[t]);
        for (std::size_t i = bounds[t]; i < bounds[t + 1]; ++i) {
            const auto begin = static_cast<std::size_t>(first - edges.heads.begin());
            const auto last =
                std::upper_bound(first, edges.heads.end(), static_cast<std::uint32_t>(i));
            const auto end = static_cast<std::size_t>(last - edges.heads.begin());
            first = last;
            // The same stream for every new point: a point lands where it lands whatever
            // else is in the batch, and nearby points (a morph's frames) draw the same
            // negatives, so they stay near each other instead of scattering.
            SampleRng rng(streamSeed(settings.seed, 0));
            for (int epoch = 0; epoch < settings.epochs; ++epoch) {
                const auto alpha = static_cast<float>(
                    settings.learningRate * (1.0 - static_cast<double>(epoch) / settings.epochs));
                for (std::size_t e = begin; e < end; ++e) {
                    sampler.run(e, epoch, alpha, moving.data() + i * dims,
                                referencePoint(edges.tails[e]), pool, referencePoint, rng,
                                [](const float*) {});  // the reference layout stays fixed
                }
            }
        }
    });
}

}  // namespace latent::umap
