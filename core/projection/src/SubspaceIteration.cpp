#include "SubspaceIteration.h"

#include <cmath>
#include <random>

#include "latent/core/Error.h"
#include "latent/core/Pca.h"

namespace latent::detail {
namespace {

void removeDeflated(std::vector<double>& x, std::size_t n, std::size_t p,
                    const std::vector<double>& u) {
    if (u.empty()) return;
    for (std::size_t c = 0; c < p; ++c) {
        double dot = 0.0;
        for (std::size_t i = 0; i < n; ++i) dot += u[i] * x[i * p + c];
        for (std::size_t i = 0; i < n; ++i) x[i * p + c] -= dot * u[i];
    }
}

// Modified Gram-Schmidt, twice for accuracy; a column that vanishes is replaced by noise.
void orthonormalise(std::vector<double>& x, std::size_t n, std::size_t p, std::mt19937_64& rng,
                    const std::vector<double>& deflate) {
    std::normal_distribution<double> normal;
    for (std::size_t c = 0; c < p; ++c) {
        for (int attempt = 0; attempt < 3; ++attempt) {
            double before = 0.0;
            for (std::size_t i = 0; i < n; ++i) before += x[i * p + c] * x[i * p + c];
            for (int pass = 0; pass < 2; ++pass) {
                for (std::size_t prev = 0; prev < c; ++prev) {
                    double dot = 0.0;
                    for (std::size_t i = 0; i < n; ++i) dot += x[i * p + prev] * x[i * p + c];
                    for (std::size_t i = 0; i < n; ++i) x[i * p + c] -= dot * x[i * p + prev];
                }
            }
            double norm = 0.0;
            for (std::size_t i = 0; i < n; ++i) norm += x[i * p + c] * x[i * p + c];
            if (norm > 1e-20 * before && norm > 0.0) {
                const double scale = 1.0 / std::sqrt(norm);
                for (std::size_t i = 0; i < n; ++i) x[i * p + c] *= scale;
                break;
            }
            for (std::size_t i = 0; i < n; ++i) x[i * p + c] = normal(rng);
            if (!deflate.empty()) {
                double dot = 0.0;
                for (std::size_t i = 0; i < n; ++i) dot += deflate[i] * x[i * p + c];
                for (std::size_t i = 0; i < n; ++i) x[i * p + c] -= dot * deflate[i];
            }
        }
    }
}

// out = in * R^T for a p x p matrix R given by rows (column c of out = sum_k R[c][k] in[:, k]).
void rotate(const std::vector<double>& in, std::vector<double>& out, std::size_t n, std::size_t p,
            const std::vector<double>& rows) {
    out.assign(n * p, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < p; ++c) {
            double sum = 0.0;
            for (std::size_t k = 0; k < p; ++k) sum += rows[c * p + k] * in[i * p + k];
            out[i * p + c] = sum;
        }
    }
}

// x = T_m((A - c) / e) x for the interval [low, high] = [c - e, c + e]: eigenvalues inside
// it stay within [-1, 1], those above grow like cosh(m acosh(t)). The deflated vector is
// removed after every product, as it is the most amplified one.
void chebyshevFilter(std::vector<double>& x, std::size_t n, std::size_t p,
                     const BlockOperator& apply, int degree, double low, double high,
                     const std::vector<double>& deflate) {
    const double c = 0.5 * (high + low), e = 0.5 * (high - low);
    std::vector<double> previous = x, product(n * p);
    apply(x, product, p);
    removeDeflated(product, n, p, deflate);
    for (std::size_t i = 0; i < n * p; ++i) x[i] = (product[i] - c * x[i]) / e;
    for (int k = 2; k <= degree; ++k) {
        apply(x, product, p);
        removeDeflated(product, n, p, deflate);
        for (std::size_t i = 0; i < n * p; ++i) {
            const double next = 2.0 * (product[i] - c * x[i]) / e - previous[i];
            previous[i] = x[i];
            x[i] = next;
        }
    }
}

EigenBlock wantedPart(const std::vector<double>& ritz, const std::vector<double>& theta,
                      std::size_t n, std::size_t p, std::size_t wanted) {
    EigenBlock block;
    block.values.assign(theta.begin(), theta.begin() + static_cast<std::ptrdiff_t>(wanted));
    block.vectors.resize(n * wanted);
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t c = 0; c < wanted; ++c) block.vectors[i * wanted + c] = ritz[i * p + c];
    }
    return block;
}

}  // namespace

EigenBlock largestEigenvectors(std::size_t n, const BlockOperator& apply,
                               const SubspaceOptions& options, const SubspaceProgress& progress) {
    const std::size_t p = std::min(options.block, n);
    const std::size_t wanted = std::min(options.wanted, p);
    std::mt19937_64 rng(options.seed);
    std::normal_distribution<double> normal;
    std::vector<double> x(n * p), y(n * p), ritzX, ritzY;
    for (double& v : x) v = normal(rng);
    removeDeflated(x, n, p, options.deflate);
    orthonormalise(x, n, p, rng, options.deflate);

    constexpr int kReportEvery = 10;
    for (int iteration = 1;; ++iteration) {
        apply(x, y, p);
        removeDeflated(y, n, p, options.deflate);
        // Rayleigh-Ritz on span(x): H = x^T A x.
        std::vector<double> h(p * p, 0.0);
        for (std::size_t i = 0; i < n; ++i) {
            for (std::size_t r = 0; r < p; ++r) {
                for (std::size_t c = 0; c < p; ++c) h[r * p + c] += x[i * p + r] * y[i * p + c];
            }
        }
        for (std::size_t r = 0; r < p; ++r) {
            for (std::size_t c = r + 1; c < p; ++c) {
                h[r * p + c] = h[c * p + r] = 0.5 * (h[r * p + c] + h[c * p + r]);
            }
        }
        std::vector<double> rows;
        const std::vector<double> theta = symmetricEigen(h, p, rows);
        rotate(x, ritzX, n, p, rows);
        rotate(y, ritzY, n, p, rows);

        double worst = 0.0;
        for (std::size_t c = 0; c < wanted; ++c) {
            double r2 = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                const double r = ritzY[i * p + c] - theta[c] * ritzX[i * p + c];
                r2 += r * r;
            }
            worst = std::max(worst, std::sqrt(r2));
        }
        const bool converged = worst <= options.tolerance * std::abs(theta[0]);
        if (converged || iteration >= options.maxIterations) {
            EigenBlock result = wantedPart(ritzX, theta, n, p, wanted);
            result.converged = converged;
            result.iterations = iteration;
            return result;
        }
        if (progress && iteration % kReportEvery == 0) {
            EigenBlock estimate = wantedPart(ritzX, theta, n, p, wanted);
            estimate.iterations = iteration;
            if (!progress(iteration, estimate)) {
                throw Error(ErrorKind::Cancelled, "eigenvector iteration cancelled");
            }
        }
        // The damped interval ends at the block's smallest Ritz value; while it is too narrow
        // (1/e would blow up the recurrence) a plain step stands in.
        const double high = theta[p - 1];
        if (options.chebyshevDegree > 0 && high - options.spectrumLow > 0.1 * std::abs(theta[0])) {
            x.swap(ritzX);
            chebyshevFilter(x, n, p, apply, options.chebyshevDegree, options.spectrumLow, high,
                            options.deflate);
        } else {
            x.swap(ritzY);
        }
        orthonormalise(x, n, p, rng, options.deflate);
    }
}

}  // namespace latent::detail
