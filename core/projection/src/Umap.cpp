// UmapModel: checks parameters and wires the fuzzy set, the initialisation and the SGD.
#include "latent/core/Umap.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

#include "AnchorShape.h"
#include "ProjectionKnn.h"
#include "UmapGraph.h"
#include "latent/core/Error.h"
#include "latent/core/Pca.h"

namespace latent {
namespace {

void refuse(const std::string& message) {
    throw Error(ErrorKind::InvalidArgument, "UMAP: " + message);
}

void checkFinite(const LatentBatch& data) {
    for (float v : data.values) {
        if (!std::isfinite(v)) refuse("the input has NaN or Inf values");
    }
}

void checkParams(const LatentBatch& data, const ProjectionParams& p) {
    if (p.dims != 2 && p.dims != 3) refuse("dims must be 2 or 3, not " + std::to_string(p.dims));
    if (p.neighbours < 2)
        refuse("n_neighbors must be at least 2, not " + std::to_string(p.neighbours));
    if (static_cast<std::size_t>(p.neighbours) >= data.count) {
        refuse("n_neighbors (" + std::to_string(p.neighbours) +
               ") must be smaller than the number of points (" + std::to_string(data.count) + ")");
    }
    if (!(p.minDist >= 0.0) || !std::isfinite(p.minDist)) refuse("min_dist must be 0 or more");
    if (p.iterations < 0) refuse("the number of epochs cannot be negative");
    if (p.threads < 1) refuse("threads must be at least 1");
    if (data.dim == 0) refuse("the input has no dimensions");
    checkFinite(data);
}

// Rescales every axis to [0, 10] so the SGD starts from the same scale whatever the init.
std::vector<float> boxedLayout(const std::vector<double>& init, std::size_t n, int dims) {
    std::vector<float> layout(init.size());
    for (int c = 0; c < dims; ++c) {
        double lo = init[c], hi = init[c];
        for (std::size_t i = 0; i < n; ++i) {
            lo = std::min(lo, init[i * dims + c]);
            hi = std::max(hi, init[i * dims + c]);
        }
        const double scale = hi > lo ? 10.0 / (hi - lo) : 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            layout[i * dims + c] = static_cast<float>((init[i * dims + c] - lo) * scale);
        }
    }
    return layout;
}

// `init` shifted and scaled alike on every axis so its widest axis spans [0, 10]: an anchor
// layout keeps its shape, which is what it is given for.
std::vector<float> evenlyBoxedLayout(const std::vector<float>& init, std::size_t n, int dims) {
    std::vector<double> lo(init.begin(), init.begin() + dims), hi = lo;
    for (std::size_t i = 0; i < n; ++i) {
        for (int c = 0; c < dims; ++c) {
            lo[c] = std::min<double>(lo[c], init[i * dims + c]);
            hi[c] = std::max<double>(hi[c], init[i * dims + c]);
        }
    }
    double widest = 0.0;
    for (int c = 0; c < dims; ++c) widest = std::max(widest, hi[c] - lo[c]);
    const double scale = widest > 0.0 ? 10.0 / widest : 0.0;
    std::vector<float> layout(init.size());
    for (std::size_t i = 0; i < n; ++i) {
        for (int c = 0; c < dims; ++c) layout[i * dims + c] = static_cast<float>((init[i * dims + c] - lo[c]) * scale);
    }
    return layout;
}

// The fallback initialisation: the leading principal components, plus noise for axes the
// data does not have, with a little jitter so no two points coincide.
std::vector<double> pcaLayout(const LatentBatch& data, int dims, std::uint64_t seed) {
    const std::size_t kept = std::min<std::size_t>(static_cast<std::size_t>(dims), data.dim);
    const LatentBatch projected = Pca::fit(data, kept).transform(data);
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, 1e-4);
    std::vector<double> layout(data.count * dims);
    for (std::size_t i = 0; i < data.count; ++i) {
        for (int c = 0; c < dims; ++c) {
            const auto axis = static_cast<std::size_t>(c);
            layout[i * dims + c] =
                (axis < kept ? projected.values[i * kept + axis] : 0.0) + noise(rng);
        }
    }
    return layout;
}

// The spectral layout (PCA when the eigensolver does not converge), boxed; `how` says which.
std::vector<float> initialLayout(const LatentBatch& data, const umap::FuzzyGraph& graph, const ProjectionParams& params,
                                 std::string& how) {
    std::vector<double> init = umap::spectralLayout(graph, params.dims, params.seed, params.threads);
    how = "spectral";
    if (init.empty()) {
        how = "PCA (spectral did not converge)";
        init = pcaLayout(data, params.dims, params.seed);
    } else {
        std::mt19937_64 rng(params.seed);
        std::normal_distribution<double> noise(0.0, 1e-4);
        for (double& v : init) v += noise(rng);
    }
    return boxedLayout(init, data.count, params.dims);
}

// The k nearest training points of every query, by brute force over fixed query ranges.
KnnGraph nearestTrainingPoints(const LatentBatch& train, const LatentBatch& queries, std::size_t k,
                               Metric metric, int threads) {
    KnnGraph g{queries.count, k, std::vector<std::uint32_t>(queries.count * k),
               std::vector<float>(queries.count * k)};
    auto norm = [](std::span<const float> v) {
        double s = 0.0;
        for (float x : v) s += static_cast<double>(x) * x;
        return std::sqrt(s);
    };
    std::vector<double> trainNorms(train.count);
    for (std::size_t j = 0; j < train.count; ++j) trainNorms[j] = norm(train.row(j));
    auto range = [&](std::size_t first, std::size_t last) {
        std::vector<std::pair<float, std::uint32_t>> all(train.count);
        for (std::size_t q = first; q < last; ++q) {
            const auto a = queries.row(q);
            const double aNorm = norm(a);
            for (std::size_t j = 0; j < train.count; ++j) {
                const auto b = train.row(j);
                double d = 0.0;
                if (metric == Metric::Euclidean) {
                    for (std::size_t c = 0; c < a.size(); ++c)
                        d += (a[c] - b[c]) * double(a[c] - b[c]);
                    d = std::sqrt(d);
                } else {
                    for (std::size_t c = 0; c < a.size(); ++c) d += a[c] * double(b[c]);
                    const double lengths = aNorm * trainNorms[j];
                    d = lengths > 0.0 ? 1.0 - d / lengths : 1.0;
                }
                all[j] = {static_cast<float>(d), static_cast<std::uint32_t>(j)};
            }
            std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(k), all.end());
            for (std::size_t m = 0; m < k; ++m) {
                g.indices[q * k + m] = all[m].second;
                g.distances[q * k + m] = all[m].first;
            }
        }
    };
    const auto parts = static_cast<std::size_t>(std::max(1, threads));
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < parts; ++t) {
        pool.emplace_back(range, queries.count * t / parts, queries.count * (t + 1) / parts);
    }
    range(0, queries.count / parts);
    for (auto& thread : pool) thread.join();
    return g;
}

}  // namespace

UmapModel UmapModel::fit(const LatentBatch& data, const ProjectionParams& params,
                         const LayoutCallback& cb, NeighbourGraphs* graphs, const LayoutAnchor& anchor) {
    checkParams(data, params);
    checkLayoutAnchor(anchor, data.count, params.dims, "UMAP");
    UmapModel model;
    model.params_ = params;
    model.data_ = data;
    model.curve_ = fitUmapCurve(params.minDist);
    model.epochs_ = params.iterations > 0 ? params.iterations : (data.count > 10000 ? 200 : 500);
    const int dims = params.dims;

    // The graph is a tenth of the reported progress.
    std::shared_ptr<const umap::FuzzyGraph> shared;
    if (graphs) {
        const LatentBatch noLayout;
        ProgressFn progress;
        if (cb) progress = [&](double f, const std::string& msg) { return cb(noLayout, 0.1 * f, msg); };
        shared = graphs->get(data, params.neighbours, params.metric, params.seed, params.threads, progress);
    } else {
        const KnnGraph knn = detail::projectionKnnGraph(
            data, static_cast<std::size_t>(params.neighbours - 1), params, cb, 0.1);
        shared = std::make_shared<const umap::FuzzyGraph>(
            umap::fuzzySimplicialSet(knn, params.neighbours, params.threads));
    }
    const umap::FuzzyGraph& graph = *shared;

    std::vector<float> layout = anchor.given() ? evenlyBoxedLayout(anchor.layout->values, data.count, dims)
                                               : initialLayout(data, graph, params, model.initialisation_);
    if (anchor.given()) model.initialisation_ = "the anchor layout";
    model.embedding_ = LatentBatch(data.count, static_cast<std::size_t>(dims));
    if (cb) {
        model.embedding_.values = layout;
        if (!cb(model.embedding_, 0.1, "UMAP initialised (" + model.initialisation_ + ")")) {
            throw Error(ErrorKind::Cancelled, "UMAP cancelled");
        }
    }

    umap::SgdSettings sgd;
    sgd.curve = model.curve_;
    sgd.epochs = model.epochs_;
    sgd.seed = params.seed;
    sgd.threads = params.threads;
    const std::vector<float> anchorShape = anchor.given() ? detail::unitShape(anchor.layout->values, dims)
                                                          : std::vector<float>{};
    if (anchor.given()) {
        sgd.anchor = &anchorShape;
        sgd.anchorWeight = static_cast<float>(anchor.weight);
    }
    bool cancelled = false;
    umap::optimiseLayout(
        layout, dims, umap::scheduleEdges(graph, model.epochs_), sgd, [&](int done) {
            if (!cb) return true;
            model.embedding_.values = layout;
            const double f = 0.1 + 0.9 * done / static_cast<double>(model.epochs_);
            cancelled =
                !cb(model.embedding_, f,
                    "UMAP epoch " + std::to_string(done) + " of " + std::to_string(model.epochs_));
            return !cancelled;
        });
    if (cancelled) throw Error(ErrorKind::Cancelled, "UMAP cancelled");
    model.embedding_.values = std::move(layout);
    return model;
}

UmapModel UmapModel::restore(LatentBatch data, LatentBatch embedding, const ProjectionParams& params,
                             int epochs, std::string initialisation) {
    checkParams(data, params);
    if (embedding.count != data.count || embedding.dim != static_cast<std::size_t>(params.dims)) {
        refuse("a saved map of " + std::to_string(embedding.count) + " x " + std::to_string(embedding.dim) +
               " does not fit " + std::to_string(data.count) + " points in " + std::to_string(params.dims) +
               " dimensions");
    }
    checkFinite(embedding);
    if (epochs < 1) refuse("a saved map needs at least 1 epoch, not " + std::to_string(epochs));
    UmapModel model;
    model.params_ = params;
    model.data_ = std::move(data);
    model.embedding_ = std::move(embedding);
    model.curve_ = fitUmapCurve(params.minDist);
    model.initialisation_ = std::move(initialisation);
    model.epochs_ = epochs;
    return model;
}

LatentBatch UmapModel::transform(const LatentBatch& newPoints, int threads) const {
    if (newPoints.dim != data_.dim) {
        refuse("new points have " + std::to_string(newPoints.dim) +
               " dimensions, the map was fitted on " + std::to_string(data_.dim));
    }
    checkFinite(newPoints);
    const int dims = params_.dims;
    LatentBatch placed(newPoints.count, static_cast<std::size_t>(dims));
    if (newPoints.count == 0) return placed;

    const auto k = static_cast<std::size_t>(params_.neighbours);
    const int workers = threads > 0 ? threads : params_.threads;
    const KnnGraph knn =
        nearestTrainingPoints(data_, newPoints, k, params_.metric, workers);

    // A bipartite graph from new points (rows) to training points (columns).
    umap::FuzzyGraph graph;
    graph.count = newPoints.count;
    graph.rowStart.push_back(0);
    const double target = std::log2(static_cast<double>(k));
    for (std::size_t i = 0; i < newPoints.count; ++i) {
        const float* d = knn.neighbourDistances(i);
        // The point's own mean distance stands in for the batch's (it only floors sigma for
        // a point sitting on training points), so where a point lands does not depend on
        // the rest of its batch: shards placed by separate processes land as one run.
        double meanOwn = 0.0;
        for (std::size_t m = 0; m < k; ++m) meanOwn += d[m];
        meanOwn /= static_cast<double>(k);
        const umap::LocalScale s = umap::smoothKnnScale(d, k, target, meanOwn);
        double total = 0.0;
        for (std::size_t m = 0; m < k; ++m) {
            const double excess = d[m] - s.rho;
            const double w = excess > 0.0 ? std::exp(-excess / s.sigma) : 1.0;
            const std::uint32_t j = knn.neighbours(i)[m];
            graph.columns.push_back(j);
            graph.weights.push_back(static_cast<float>(w));
            total += w;
            for (int c = 0; c < dims; ++c)
                placed.values[i * dims + c] +=
                    static_cast<float>(w * embedding_.values[j * dims + c]);
        }
        for (int c = 0; c < dims; ++c) placed.values[i * dims + c] /= static_cast<float>(total);
        graph.rowStart.push_back(graph.columns.size());
    }

    umap::SgdSettings sgd;
    sgd.curve = curve_;
    sgd.epochs = std::max(1, epochs_ / 3);
    sgd.learningRate = 0.25;
    sgd.seed = params_.seed + 1;
    sgd.threads = workers;
    umap::optimiseNewPoints(placed.values, embedding_.values, dims,
                            umap::scheduleEdges(graph, sgd.epochs), sgd);
    return placed;
}

}  // namespace latent
