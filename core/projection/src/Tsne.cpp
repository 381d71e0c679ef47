#include "latent/core/Tsne.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <sstream>
#include <string>

#include "BarnesHutTree.h"
#include "latent/core/ThreadTeam.h"
#include "TsneAffinities.h"
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
          tree_(n_),
          team_(team),
          thetaSquared_(static_cast<float>(params.theta * params.theta)) {}

    const std::vector<float>& layout() const { return y_; }

    void step(double exaggeration, double momentum, double learningRate) {
        tree_.build(y_.data());
        auto forces = [&](std::size_t s) {
            const std::size_t i = tree_.order()[s];
            double* rep = repulsion_.data() + i * Dims;
            std::fill(rep, rep + Dims, 0.0);
            zShare_[i] = tree_.repulsion(s, thetaSquared_, rep);
            attract(i);
        };
        team_.parallelFor(n_, 128, forces);
        double z = 0.0;  // summed in point order, so the thread count cannot change it
        for (double share : zShare_) z += share;
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
        recentre();
    }

private:
    // sum_j p_ij q_ij Z (y_i - y_j): the attractive half of the gradient for point i.
    void attract(std::size_t i) {
        const float* yi = y_.data() + i * Dims;
        double f[Dims] = {};
        for (std::size_t e = p_.rowStart[i]; e < p_.rowStart[i + 1]; ++e) {
            const float* yj = y_.data() + static_cast<std::size_t>(p_.columns[e]) * Dims;
            float delta[Dims];
            float d2 = 0.0f;
            for (int d = 0; d < Dims; ++d) {
                delta[d] = yi[d] - yj[d];
                d2 += delta[d] * delta[d];
            }
            const float w = p_.values[e] / (1.0f + d2);
            for (int d = 0; d < Dims; ++d) f[d] += w * delta[d];
        }
        for (int d = 0; d < Dims; ++d) attraction_[i * Dims + d] = f[d];
    }

    void recentre() {
        double mean[Dims] = {};
        for (std::size_t i = 0; i < n_; ++i)
            for (int d = 0; d < Dims; ++d) mean[d] += y_[i * Dims + d];
        for (int d = 0; d < Dims; ++d) mean[d] /= static_cast<double>(n_);
        for (std::size_t i = 0; i < n_; ++i)
            for (int d = 0; d < Dims; ++d) y_[i * Dims + d] -= static_cast<float>(mean[d]);
    }

    const SparseAffinities& p_;
    std::size_t n_;
    std::vector<float> y_, velocity_, gains_;
    std::vector<double> attraction_, repulsion_, zShare_;
    BarnesHutTree<Dims> tree_;
    ThreadTeam& team_;
    float thetaSquared_;
};

template <int Dims>
LatentBatch optimise(const SparseAffinities& p, std::vector<float> y,
                     const ProjectionParams& params, ThreadTeam& team,
                     const LayoutCallback& callback) {
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
        optimiser.step(early ? params.earlyExaggeration : 1.0, early ? 0.5 : 0.8, learningRate);
        const int done = it + 1;
        if (callback && (done % kCallbackEvery == 0 || done == iterations)) {
            const double fraction =
                kNeighbourShare + (1.0 - kNeighbourShare) * done / static_cast<double>(iterations);
            const std::string message = "t-SNE iteration " + std::to_string(done) + " of " +
                                        std::to_string(iterations) +
                                        (early ? " (early exaggeration)" : "");
            if (!callback(asBatch(optimiser.layout(), n, Dims), fraction, message)) {
                throw Error(ErrorKind::Cancelled, "t-SNE cancelled");
            }
        }
    }
    return asBatch(optimiser.layout(), n, Dims);
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
    const SparseAffinities p = tsneAffinities(graph, params.perplexity, params.metric, team);
    return params.dims == 2 ? optimise<2>(p, std::move(y), params, team, callback)
                            : optimise<3>(p, std::move(y), params, team, callback);
}

}  // namespace latent
