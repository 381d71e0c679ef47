#include "Lle.h"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <thread>

#include "EnvelopeCholesky.h"
#include "ProjectionKnn.h"
#include "SubspaceIteration.h"
#include "latent/core/Error.h"
#include "latent/core/KnnGraph.h"

namespace latent {
namespace {

void refuse(const std::string& message) {
    throw Error(ErrorKind::InvalidArgument, "LLE: " + message);
}

void checkParams(const LatentBatch& data, const ProjectionParams& p) {
    if (p.dims != 2 && p.dims != 3) refuse("dims must be 2 or 3, not " + std::to_string(p.dims));
    if (p.neighbours <= p.dims) {
        refuse("the number of neighbours (" + std::to_string(p.neighbours) +
               ") must exceed the dims (" + std::to_string(p.dims) + ")");
    }
    if (static_cast<std::size_t>(p.neighbours) >= data.count) {
        refuse("the number of neighbours (" + std::to_string(p.neighbours) +
               ") must be smaller than the number of points (" + std::to_string(data.count) + ")");
    }
    if (p.threads < 1) refuse("threads must be at least 1");
    for (float v : data.values) {
        if (!std::isfinite(v)) refuse("the input has NaN or Inf values");
    }
}

// Solves the small SPD system G w = 1 by Cholesky (G is k x k, overwritten).
std::vector<double> solveOnes(std::vector<double>& g, std::size_t k) {
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t j = 0; j <= i; ++j) {
            double s = g[i * k + j];
            for (std::size_t m = 0; m < j; ++m) s -= g[i * k + m] * g[j * k + m];
            g[i * k + j] = i == j ? std::sqrt(std::max(s, 1e-300)) : s / g[j * k + j];
        }
    }
    std::vector<double> w(k, 1.0);
    for (std::size_t i = 0; i < k; ++i) {
        for (std::size_t m = 0; m < i; ++m) w[i] -= g[i * k + m] * w[m];
        w[i] /= g[i * k + i];
    }
    for (std::size_t i = k; i-- > 0;) {
        for (std::size_t m = i + 1; m < k; ++m) w[i] -= g[m * k + i] * w[m];
        w[i] /= g[i * k + i];
    }
    return w;
}

// Reconstruction weights of every point from its neighbours (rows sum to 1). Each point is
// independent; threads take fixed ranges.
std::vector<double> reconstructionWeights(const LatentBatch& data, const KnnGraph& knn,
                                          int threads) {
    const std::size_t k = knn.k, dim = data.dim;
    std::vector<double> weights(data.count * k);
    auto range = [&](std::size_t first, std::size_t last) {
        std::vector<double> z(k * dim), g(k * k);
        for (std::size_t i = first; i < last; ++i) {
            const auto xi = data.row(i);
            for (std::size_t m = 0; m < k; ++m) {
                const auto xj = data.row(knn.neighbours(i)[m]);
                for (std::size_t c = 0; c < dim; ++c)
                    z[m * dim + c] = static_cast<double>(xj[c]) - xi[c];
            }
            double trace = 0.0;
            for (std::size_t a = 0; a < k; ++a) {
                for (std::size_t b = 0; b <= a; ++b) {
                    double dot = 0.0;
                    for (std::size_t c = 0; c < dim; ++c) dot += z[a * dim + c] * z[b * dim + c];
                    g[a * k + b] = g[b * k + a] = dot;
                }
                trace += g[a * k + a];
            }
            // Regularised so the system is solvable when k exceeds the local dimension.
            const double reg = trace > 0.0 ? 1e-3 * trace : 1e-3;
            for (std::size_t a = 0; a < k; ++a) g[a * k + a] += reg;
            auto w = solveOnes(g, k);
            double sum = 0.0;
            for (double v : w) sum += v;
            for (std::size_t m = 0; m < k; ++m) weights[i * k + m] = w[m] / sum;
        }
    };
    const auto parts = static_cast<std::size_t>(threads);
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < parts; ++t)
        pool.emplace_back(range, data.count * t / parts, data.count * (t + 1) / parts);
    range(0, data.count / parts);
    for (auto& thread : pool) thread.join();
    return weights;
}

// Row r of (I - W) as (column, value) pairs, a repeated neighbour merged into one entry.
std::vector<std::pair<std::uint32_t, double>> residualRow(const KnnGraph& knn,
                                                          const std::vector<double>& w,
                                                          std::size_t r) {
    std::vector<std::pair<std::uint32_t, double>> row{{static_cast<std::uint32_t>(r), 1.0}};
    for (std::size_t m = 0; m < knn.k; ++m) {
        const std::uint32_t j = knn.neighbours(r)[m];
        auto same =
            std::find_if(row.begin(), row.end(), [j](const auto& e) { return e.first == j; });
        if (same != row.end()) {
            same->second -= w[r * knn.k + m];
        } else {
            row.emplace_back(j, -w[r * knn.k + m]);
        }
    }
    return row;
}

std::string millions(double v) {
    std::ostringstream out;
    out.precision(3);
    out << v / 1e6 << " million";
    return out.str();
}

LatentBatch scaledLayout(const detail::EigenBlock& eig, std::size_t n, std::size_t dims) {
    LatentBatch layout(n, dims);
    const double scale = std::sqrt(static_cast<double>(n));  // unit vectors -> unit variance
    for (std::size_t i = 0; i < n * dims; ++i)
        layout.values[i] = static_cast<float>(eig.vectors[i] * scale);
    return layout;
}

}  // namespace

LatentBatch runLle(const LatentBatch& data, const ProjectionParams& params,
                   const LayoutCallback& cb, const LleLimits& limits) {
    checkParams(data, params);
    const std::size_t n = data.count, dims = static_cast<std::size_t>(params.dims);
    const LatentBatch noLayout;
    auto report = [&](const LatentBatch& layout, double fraction, const std::string& message) {
        if (cb && !cb(layout, fraction, message))
            throw Error(ErrorKind::Cancelled, "LLE cancelled");
    };

    const KnnGraph knn = detail::projectionKnnGraph(
        data, static_cast<std::size_t>(params.neighbours), params, cb, 0.2);
    const std::vector<double> weights = reconstructionWeights(data, knn, params.threads);
    report(noLayout, 0.25, "LLE reconstruction weights done");

    std::vector<std::vector<std::pair<std::uint32_t, double>>> rows(n);
    std::vector<std::vector<std::uint32_t>> pattern(n);
    for (std::size_t r = 0; r < n; ++r) {
        rows[r] = residualRow(knn, weights, r);
        for (const auto& [a, va] : rows[r]) {
            for (const auto& [b, vb] : rows[r]) pattern[a].push_back(b);
        }
    }
    for (auto& p : pattern) {
        std::sort(p.begin(), p.end());
        p.erase(std::unique(p.begin(), p.end()), p.end());
    }
    detail::EnvelopeCholesky factor(pattern);
    pattern = {};
    const auto envelope = static_cast<double>(factor.envelopeSize());
    if (envelope > limits.maxFactorEntries || factor.factorisationCost() > limits.maxFactorWork) {
        refuse("these " + std::to_string(n) + " points need a sparse factor of " +
               millions(envelope) + " entries and " + millions(factor.factorisationCost()) +
               " multiply-adds, over the limits of " + millions(limits.maxFactorEntries) + " and " +
               millions(limits.maxFactorWork) + "; use fewer points or neighbours, or PCA/UMAP");
    }

    // M = sum_r row_r^T row_r. M is singular (M 1 = 0); the tiny shift makes it definite and
    // the constant vector is kept out of the iteration explicitly.
    double largestDiagonal = 0.0;
    std::vector<double> diagonal(n, 0.0);
    for (const auto& row : rows) {
        for (const auto& [a, va] : row) diagonal[a] += va * va;
    }
    for (double d : diagonal) largestDiagonal = std::max(largestDiagonal, d);
    double shift = 1e-10 * largestDiagonal;
    bool factorised = false;
    for (int attempt = 0; attempt < 4 && !factorised; ++attempt, shift *= 100.0) {
        factor.allocate();
        for (std::size_t r = 0; r < n; ++r) {
            factor.add(static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(r), shift);
            for (const auto& [a, va] : rows[r]) {
                for (const auto& [b, vb] : rows[r]) {
                    if (a <= b) factor.add(a, b, va * vb);  // each symmetric pair once
                }
            }
        }
        factorised = factor.factorise([&](double f) {
            return !cb || cb(noLayout, 0.25 + 0.15 * f, "LLE factorising the eigenproblem");
        });
    }
    if (!factorised)
        throw Error(ErrorKind::Inference, "LLE: the eigenproblem could not be factorised");

    detail::SubspaceOptions options;
    options.wanted = dims;
    options.block = dims + 4;
    options.maxIterations = 300;
    options.tolerance = 1e-8;
    options.seed = params.seed;
    options.deflate.assign(n, 1.0 / std::sqrt(static_cast<double>(n)));
    auto inverse = [&](const std::vector<double>& in, std::vector<double>& out, std::size_t p) {
        out = in;
        factor.solve(out, p);
    };
    const auto eig = detail::largestEigenvectors(
        n, inverse, options, [&](int iteration, const detail::EigenBlock& estimate) {
            const double f = 0.4 + 0.6 * iteration / static_cast<double>(options.maxIterations);
            if (cb)
                return cb(scaledLayout(estimate, n, dims), f,
                          "LLE eigenvector iteration " + std::to_string(iteration));
            return true;
        });
    LatentBatch layout = scaledLayout(eig, n, dims);
    report(layout, 1.0, eig.converged ? "LLE done" : "LLE done (eigenvectors not fully converged)");
    return layout;
}

}  // namespace latent
