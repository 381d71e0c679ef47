#include "latent/core/Pca.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "PcaSolvers.h"
#include "RowChunks.h"
#include "latent/core/Error.h"

namespace latent {

std::vector<double> symmetricEigen(std::vector<double> a, std::size_t n,
                                   std::vector<double>& vectors) {
    std::vector<double> v(n * n, 0.0);
    for (std::size_t i = 0; i < n; ++i) v[i * n + i] = 1.0;
    auto at = [n](std::vector<double>& m, std::size_t r, std::size_t c) -> double& {
        return m[r * n + c];
    };
    double norm = 0.0;
    for (double x : a) norm += x * x;

    for (int sweep = 0; sweep < 100; ++sweep) {
        double off = 0.0;
        for (std::size_t p = 0; p < n; ++p)
            for (std::size_t q = p + 1; q < n; ++q) off += at(a, p, q) * at(a, p, q);
        if (off <= 1e-30 * norm || off == 0.0) break;

        for (std::size_t p = 0; p < n; ++p) {
            for (std::size_t q = p + 1; q < n; ++q) {
                const double apq = at(a, p, q);
                if (std::abs(apq) < 1e-300) continue;
                // Rotation that zeroes a[p][q]; the smaller angle keeps it stable.
                const double theta = (at(a, q, q) - at(a, p, p)) / (2.0 * apq);
                const double t = (theta >= 0 ? 1.0 : -1.0) /
                                 (std::abs(theta) + std::sqrt(theta * theta + 1.0));
                const double c = 1.0 / std::sqrt(t * t + 1.0);
                const double s = t * c;
                for (std::size_t k = 0; k < n; ++k) {
                    const double akp = at(a, k, p), akq = at(a, k, q);
                    at(a, k, p) = c * akp - s * akq;
                    at(a, k, q) = s * akp + c * akq;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double apk = at(a, p, k), aqk = at(a, q, k);
                    at(a, p, k) = c * apk - s * aqk;
                    at(a, q, k) = s * apk + c * aqk;
                }
                for (std::size_t k = 0; k < n; ++k) {
                    const double vkp = at(v, k, p), vkq = at(v, k, q);
                    at(v, k, p) = c * vkp - s * vkq;
                    at(v, k, q) = s * vkp + c * vkq;
                }
            }
        }
    }

    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t i, std::size_t j) { return at(a, i, i) > at(a, j, j); });
    std::vector<double> values(n);
    vectors.assign(n * n, 0.0);
    for (std::size_t r = 0; r < n; ++r) {
        const std::size_t col = order[r];
        values[r] = at(a, col, col);
        // Fix the sign (largest component positive) so results are deterministic.
        std::size_t big = 0;
        for (std::size_t k = 1; k < n; ++k)
            if (std::abs(at(v, k, col)) > std::abs(at(v, big, col))) big = k;
        const double sign = at(v, big, col) < 0 ? -1.0 : 1.0;
        for (std::size_t k = 0; k < n; ++k) vectors[r * n + k] = sign * at(v, k, col);
    }
    return values;
}

Pca Pca::fit(const LatentBatch& data, std::size_t components, const PcaOptions& options,
             const ProgressFn& progress) {
    const std::size_t n = data.count, d = data.dim;
    if (n < 2) throw Error(ErrorKind::InvalidArgument, "PCA needs at least 2 points");
    if (components < 1 || components > d) {
        throw Error(ErrorKind::InvalidArgument, "PCA to " + std::to_string(components) +
                                                    " components needs 1.." + std::to_string(d));
    }
    for (float x : data.values) {
        if (!std::isfinite(x)) throw Error(ErrorKind::InvalidArgument, "PCA input has NaN or Inf");
    }
    Pca pca;
    pca.components_ = components;
    pca.mean_ = detail::columnMeans(data, options.threads);
    pca.randomized_ = options.solver == PcaSolver::Randomized ||
                      (options.solver == PcaSolver::Auto &&
                       prefersRandomized(d, components, options.oversampling));
    auto basis = pca.randomized_
                     ? detail::randomizedPcaBasis(data, pca.mean_, components, options, progress)
                     : detail::exactPcaBasis(data, pca.mean_, components, options.threads);
    pca.axes_ = std::move(basis.axes);
    pca.variance_ = std::move(basis.variance);
    pca.totalVariance_ = basis.totalVariance;
    if (progress && !progress(1.0, "PCA done")) throw Error(ErrorKind::Cancelled, "PCA cancelled");
    return pca;
}

bool Pca::prefersRandomized(std::size_t dim, std::size_t components, std::size_t oversampling) {
    return dim > 64 && 4 * (components + oversampling) <= dim;
}

std::span<const double> Pca::axis(std::size_t c) const {
    return {axes_.data() + c * inputDim(), inputDim()};
}

std::vector<double> Pca::explainedVarianceRatio() const {
    std::vector<double> ratio(variance_.size(), 0.0);
    if (totalVariance_ <= 0.0) return ratio;
    for (std::size_t i = 0; i < ratio.size(); ++i) ratio[i] = variance_[i] / totalVariance_;
    return ratio;
}

std::vector<float> Pca::transform(std::span<const float> point) const {
    if (point.size() != inputDim()) {
        throw Error(ErrorKind::InvalidArgument, "PCA input of size " + std::to_string(point.size()) +
                                                    ", expected " + std::to_string(inputDim()));
    }
    std::vector<float> out(components_);
    for (std::size_t c = 0; c < components_; ++c) {
        double sum = 0.0;
        const auto ax = axis(c);
        for (std::size_t j = 0; j < point.size(); ++j) sum += (point[j] - mean_[j]) * ax[j];
        out[c] = static_cast<float>(sum);
    }
    return out;
}

LatentBatch Pca::transform(const LatentBatch& data, int threads) const {
    if (data.dim != inputDim()) {
        throw Error(ErrorKind::InvalidArgument, "PCA input of size " + std::to_string(data.dim) +
                                                    ", expected " + std::to_string(inputDim()));
    }
    LatentBatch out(data.count, components_);
    detail::forEachRowChunk(data.count, threads, [&](std::size_t, std::size_t begin, std::size_t end) {
        std::vector<double> centred(inputDim());
        for (std::size_t i = begin; i < end; ++i) {
            const auto x = data.row(i);
            for (std::size_t j = 0; j < x.size(); ++j) centred[j] = x[j] - mean_[j];
            for (std::size_t c = 0; c < components_; ++c) {
                const auto ax = axis(c);
                double sum = 0.0;
                for (std::size_t j = 0; j < centred.size(); ++j) sum += centred[j] * ax[j];
                out.values[i * components_ + c] = static_cast<float>(sum);
            }
        }
    });
    return out;
}

std::vector<float> Pca::inverse(std::span<const float> coords) const {
    if (coords.size() != components_) {
        throw Error(ErrorKind::InvalidArgument, "PCA inverse of " + std::to_string(coords.size()) +
                                                    " coordinates, expected " +
                                                    std::to_string(components_));
    }
    std::vector<double> latent = mean_;
    for (std::size_t c = 0; c < components_; ++c) {
        const auto ax = axis(c);
        for (std::size_t j = 0; j < latent.size(); ++j) latent[j] += coords[c] * ax[j];
    }
    return {latent.begin(), latent.end()};
}

}  // namespace latent
