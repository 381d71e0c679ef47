#include "latent/core/Tsne.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <random>
#include <sstream>
#include <string>

#include "BarnesHutTree.h"
#include "latent/core/ThreadTeam.h"
#include "TsneAffinities.h"
#include "TsneInterpolation.h"
#include "TsneLocality.h"
#include "latent/core/Error.h"
#include "latent/core/Pca.h"

namespace latent {
namespace {

constexpr int kDefaultIterations = 1000;
constexpr int kCallbackEvery = 10;
constexpr double kInitialStd = 1e-4;
// Share of the run spent finding neighbours, for progress reports.
constexpr double kNeighbourShare = 0.1;

[[noreturn]] void refuse(const std::string& message) {
    throw Error(ErrorKind::InvalidArgument, "t-SNE: " + message);
}

std::string number(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
}

void validate(const LatentBatch& data, const ProjectionParams& p) {
    if (p.dims != 2 && p.dims != 3)
        refuse("the map must have 2 or 3 dimensions, not " + std::to_string(p.dims));
    if (data.count < 2 || data.dim < 1) refuse("needs at least 2 points with at least 1 dimension");
    if (!(p.perplexity > 0.0) || !std::isfinite(p.perplexity)) {
        refuse("perplexity must be a positive number, not " + number(p.perplexity));
    }
    if (p.perplexity >= static_cast<double>(data.count)) {
        refuse("perplexity " + number(p.perplexity) + " must be less than the number of points (" +
               std::to_string(data.count) + ")");
    }
    if (!(p.theta >= 0.0) || !std::isfinite(p.theta))
        refuse("theta must be 0 or more, not " + number(p.theta));
    if (!(p.earlyExaggeration >= 1.0) || !std::isfinite(p.earlyExaggeration)) {
        refuse("early exaggeration must be at least 1, not " + number(p.earlyExaggeration));
    }
    if (!(p.learningRate >= 0.0) || !std::isfinite(p.learningRate)) {
        refuse("learning rate must be positive (or 0 for automatic), not " +
               number(p.learningRate));
    }
    if (p.iterations < 0) refuse("iterations must be positive (or 0 for the default)");
    if (p.threads < 1) refuse("needs at least 1 thread");
    if (p.dims == 3 && p.tsneRepulsion == TsneRepulsion::Interpolation)
        refuse("interpolated repulsion needs a 2-D map; 3-D maps use Barnes-Hut");
    for (float v : data.values) {
        if (!std::isfinite(v)) refuse("the input has NaN or infinite values");
    }
}

// The first principal components scaled to a tiny spread; coordinates beyond the input's
// dimension (a 1-D input mapped to 2-D, say) are seeded Gaussian noise of the same spread.
std::vector<float> initialLayout(const LatentBatch& data, int dims, std::uint64_t seed) {
    const std::size_t n = data.count, kept = std::min<std::size_t>(data.dim, dims);
    std::vector<float> y(n * dims, 0.0f);
    const LatentBatch pcs = Pca::fit(data, kept).transform(data);
    double sum = 0.0, sumSquares = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        sum += pcs.values[i * kept];
        sumSquares += static_cast<double>(pcs.values[i * kept]) * pcs.values[i * kept];
    }
    const double mean = sum / static_cast<double>(n);
    const double std = std::sqrt(std::max(0.0, sumSquares / static_cast<double>(n) - mean * mean));
    const double scale = std > 0.0 ? kInitialStd / std : 0.0;
    std::mt19937_64 rng(seed);
    std::normal_distribution<double> noise(0.0, kInitialStd);
    for (std::size_t i = 0; i < n; ++i) {
        for (int d = 0; d < dims; ++d) {
            y[i * dims + d] = static_cast<std::size_t>(d) < kept
                                  ? static_cast<float>(pcs.values[i * kept + d] * scale)
                                  : static_cast<float>(noise(rng));
        }
    }
    return y;
}

LatentBatch asBatch(const std::vector<float>& y, std::size_t n, int dims) {
    LatentBatch out(n, static_cast<std::size_t>(dims));
    out.values = y;
    return out;
}

// The layout `y` of points renumbered by `order` (TsneLocality.h), back in input order.
LatentBatch inInputOrder(const std::vector<float>& y, const std::vector<std::uint32_t>& order, int dims) {
    LatentBatch out(order.size(), static_cast<std::size_t>(dims));
    for (std::size_t r = 0; r < order.size(); ++r)
        std::copy_n(y.begin() + static_cast<std::ptrdiff_t>(r * dims), dims,
                    out.values.begin() + static_cast<std::ptrdiff_t>(order[r] * dims));
    return out;
}

bool interpolates(const ProjectionParams& p, std::size_t n) {
    if (p.dims != 2) return false;
    return p.tsneRepulsion == TsneRepulsion::Auto ? n >= kTsneInterpolationFrom
                                                 : p.tsneRepulsion == TsneRepulsion::Interpolation;
}

// The gradient descent of t-SNE for one map dimension count.
template <int Dims>
class TsneOptimiser {
public:
    TsneOptimiser(const SparseAffinities& p, std::vector<float> y, const ProjectionParams& params,
                  ThreadTeam& team)
        : p_(p),
          n_(y.size() / Dims),
          y_(std::move(y)),
          velocity_(y_.size(), 0.0f),
          gains_(y_.size(), 1.0f),
          attraction_(y_.size()),
          repulsion_(y_.size()),
          zShare_(n_),
          team_(team),
          thetaSquared_(static_cast<float>(params.theta * params.theta)) {
        if (interpolates(params, n_)) {
            grid_.emplace(n_);
        } else {
            tree_.emplace(n_);
        }
    }

    const std::vector<float>& layout() const { return y_; }

    // One gradient step; false if the layout left the finite numbers (it diverged).
    bool step(double exaggeration, double momentum, double learningRate) {
        double z = 0.0;
        if (grid_) {
            grid_->prepare(y_.data(), team_);
            repulsions(grid_->order(), [&](std::size_t s, double* rep) {
                grid_->repulsion(s, rep);
                return 0.0;  // Z comes whole from the grid
            });
            z = grid_->z();
        } else {
            tree_->build(y_.data());
            repulsions(tree_->order(),
                       [&](std::size_t s, double* rep) { return tree_->repulsion(s, thetaSquared_, rep); });
            for (double share : zShare_) z += share;  // in point order: the thread count cannot change it
        }
        // In point order, so that P's rows stream from memory in order.
        auto attraction = [&](std::size_t i) { attract(i); };
        team_.parallelFor(n_, 256, attraction);
        const double invZ = z > 0.0 ? 1.0 / z : 0.0;
        for (std::size_t c = 0; c < y_.size(); ++c) {
            // dC/dy = 4 (sum p q Z (y_i - y_j) - sum q^2 Z^2 (y_i - y_j) / Z), with q Z =
            // 1/(1+d^2).
            const double gradient = 4.0 * (exaggeration * attraction_[c] - repulsion_[c] * invZ);
            // Delta-bar-delta: grow the gain when the step and the gradient disagree in sign.
            const bool flipped = gradient * velocity_[c] < 0.0;
            gains_[c] = flipped ? gains_[c] + 0.2f : std::max(gains_[c] * 0.8f, 0.01f);
            velocity_[c] =
                static_cast<float>(momentum * velocity_[c] - learningRate * gains_[c] * gradient);
            y_[c] += velocity_[c];
        }
        return recentre();
    }

private:
    // Every point's repulsion, visited in the repulsion's own order (`order`): repel(s,
    // force) adds point order[s]'s and returns its share of Z.
    template <typename Repel>
    void repulsions(const std::vector<std::uint32_t>& order, Repel repel) {
        auto one = [&](std::size_t s) {
            const std::size_t i = order[s];
            double* rep = repulsion_.data() + i * Dims;
            std::fill(rep, rep + Dims, 0.0);
            zShare_[i] = repel(s, rep);
        };
        team_.parallelFor(n_, 128, one);
    }

    // sum_j p_ij q_ij Z (y_i - y_j): the attractive half of the gradient for point i, in
    // kLanes interleaved partial sums so that consecutive edges do not wait on each other's
    // additions (float is enough for a row's few hundred terms).
    void attract(std::size_t i) {
        constexpr int kLanes = 4;
        const float* yi = y_.data() + i * Dims;
        float f[kLanes][Dims] = {};
        const std::size_t end = p_.rowStart[i + 1];
        std::size_t e = p_.rowStart[i];
        for (; e + kLanes <= end; e += kLanes)
            for (int lane = 0; lane < kLanes; ++lane) addAttraction(yi, e + lane, f[lane]);
        for (int lane = 0; e < end; ++e, ++lane) addAttraction(yi, e, f[lane]);
        for (int d = 0; d < Dims; ++d) {
            double sum = 0.0;
            for (int lane = 0; lane < kLanes; ++lane) sum += f[lane][d];
            attraction_[i * Dims + d] = sum;
        }
    }

    void addAttraction(const float* yi, std::size_t edge, float* f) const {
        const float* yj = y_.data() + static_cast<std::size_t>(p_.columns[edge]) * Dims;
        float delta[Dims];
        float d2 = 0.0f;
        for (int d = 0; d < Dims; ++d) {
            delta[d] = yi[d] - yj[d];
            d2 += delta[d] * delta[d];
        }
        const float w = p_.values[edge] / (1.0f + d2);
        for (int d = 0; d < Dims; ++d) f[d] += w * delta[d];
    }

    // Moves the layout's mean to the origin; false if the mean, and so some point, is not
    // finite.
    bool recentre() {
        double mean[Dims] = {};
        for (std::size_t i = 0; i < n_; ++i)
            for (int d = 0; d < Dims; ++d) mean[d] += y_[i * Dims + d];
        for (int d = 0; d < Dims; ++d) {
            mean[d] /= static_cast<double>(n_);
            if (!std::isfinite(mean[d])) return false;
        }
        for (std::size_t i = 0; i < n_; ++i)
            for (int d = 0; d < Dims; ++d) y_[i * Dims + d] -= static_cast<float>(mean[d]);
        return true;
    }

    const SparseAffinities& p_;
    std::size_t n_;
    std::vector<float> y_, velocity_, gains_;
    std::vector<double> attraction_, repulsion_, zShare_;
    std::optional<BarnesHutTree<Dims>> tree_;
    std::optional<InterpolatedRepulsion> grid_;  // 2-D maps only
    ThreadTeam& team_;
    float thetaSquared_;
};

// The points are renumbered by `order` throughout: `p` and `y` come renumbered, the
// callback and the result get them back in input order.
template <int Dims>
LatentBatch optimise(const SparseAffinities& p, std::vector<float> y,
                     const std::vector<std::uint32_t>& order, const ProjectionParams& params,
                     ThreadTeam& team, const LayoutCallback& callback) {
    const std::size_t n = y.size() / Dims;
    const int iterations = params.iterations > 0 ? params.iterations : kDefaultIterations;
    const int exaggerated = std::min(250, iterations / 4);
    const double learningRate =
        params.learningRate > 0.0
            ? params.learningRate
            : std::max(static_cast<double>(n) / params.earlyExaggeration / 4.0, 50.0);
    TsneOptimiser<Dims> optimiser(p, std::move(y), params, team);
    for (int it = 0; it < iterations; ++it) {
        const bool early = it < exaggerated;
        const int done = it + 1;
        if (!optimiser.step(early ? params.earlyExaggeration : 1.0, early ? 0.5 : 0.8, learningRate)) {
            refuse("the layout diverged at iteration " + std::to_string(done) + " (learning rate " +
                   number(learningRate) + "); try a lower learning rate");
        }
        if (callback && (done % kCallbackEvery == 0 || done == iterations)) {
            const double fraction =
                kNeighbourShare + (1.0 - kNeighbourShare) * done / static_cast<double>(iterations);
            const std::string message = "t-SNE iteration " + std::to_string(done) + " of " +
                                        std::to_string(iterations) +
                                        (early ? " (early exaggeration)" : "");
            if (!callback(inInputOrder(optimiser.layout(), order, Dims), fraction, message)) {
                throw Error(ErrorKind::Cancelled, "t-SNE cancelled");
            }
        }
    }
    return inInputOrder(optimiser.layout(), order, Dims);
}

}  // namespace

LatentBatch runTsne(const LatentBatch& data, const ProjectionParams& params,
                    const LayoutCallback& callback) {
    validate(data, params);
    std::vector<float> y = initialLayout(data, params.dims, params.seed);

    KnnOptions knn;
    knn.metric = params.metric;
    // Insertion in index order: hnswlib's parallel insertion makes the graph depend on
    // thread timing, which would break "same seed, same map" above the exact-search limit.
    knn.threads = params.threads;
    knn.reproducibleIndex = true;
    knn.seed = params.seed;
    ProgressFn knnProgress;
    if (callback) {
        const LatentBatch start = asBatch(y, data.count, params.dims);
        knnProgress = [&callback, start](double fraction, const std::string& message) {
            return callback(start, kNeighbourShare * fraction, "t-SNE: " + message);
        };
    }
    const KnnGraph graph =
        buildKnnGraph(data, tsneNeighbourCount(data.count, params.perplexity), knn, knnProgress);

    ThreadTeam team(params.threads);
    std::vector<std::uint32_t> order;
    SparseAffinities p;
    {
        const SparseAffinities inputOrder = tsneAffinities(graph, params.perplexity, params.metric, team);
        order = localityOrder(inputOrder);
        p = renumbered(inputOrder, order);
    }
    const std::size_t dims = static_cast<std::size_t>(params.dims);
    std::vector<float> local(y.size());
    for (std::size_t r = 0; r < order.size(); ++r)
        std::copy_n(y.begin() + static_cast<std::ptrdiff_t>(order[r] * dims), dims,
                    local.begin() + static_cast<std::ptrdiff_t>(r * dims));
    return params.dims == 2 ? optimise<2>(p, std::move(local), order, params, team, callback)
                            : optimise<3>(p, std::move(local), order, params, team, callback);
}

}  // namespace latent
