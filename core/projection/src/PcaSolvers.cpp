#include "PcaSolvers.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "RowChunks.h"
#include "latent/core/Error.h"

namespace latent::detail {
namespace {

// Rows accumulated in float before being added to the double totals: long float sums would
// lose digits, and doubles in the inner loops would halve the SIMD width.
constexpr std::size_t kFlushRows = 64;

void ask(const ProgressFn& progress, double fraction, const std::string& message) {
    if (progress && !progress(fraction, message)) throw Error(ErrorKind::Cancelled, "PCA cancelled");
}

// Sums per-chunk partial results in chunk order (deterministic for a thread count).
std::vector<double> sumPartials(const std::vector<std::vector<double>>& partials) {
    std::vector<double> total(partials.front().size(), 0.0);
    for (const auto& p : partials)
        for (std::size_t i = 0; i < total.size(); ++i) total[i] += p[i];
    return total;
}

double columnNorm(const std::vector<double>& q, std::size_t d, std::size_t l, std::size_t m) {
    double s = 0.0;
    for (std::size_t j = 0; j < d; ++j) s += q[j * l + m] * q[j * l + m];
    return std::sqrt(s);
}

// Orthonormalises the l columns of the D x l row-major matrix q in place: modified
// Gram-Schmidt, applied twice ("twice is enough" for full precision). A column that vanishes
// (data of rank below l) is replaced by a random direction orthogonal to the others.
void orthonormaliseColumns(std::vector<double>& q, std::size_t d, std::size_t l,
                           std::mt19937_64& rng) {
    std::normal_distribution<double> normal;
    for (std::size_t m = 0; m < l; ++m) {
        for (;;) {
            const double before = columnNorm(q, d, l, m);
            for (int pass = 0; pass < 2; ++pass) {
                for (std::size_t prev = 0; prev < m; ++prev) {
                    double dot = 0.0;
                    for (std::size_t j = 0; j < d; ++j) dot += q[j * l + m] * q[j * l + prev];
                    for (std::size_t j = 0; j < d; ++j) q[j * l + m] -= dot * q[j * l + prev];
                }
            }
            const double after = columnNorm(q, d, l, m);
            if (after > 1e-10 * before && after > 0.0) {
                for (std::size_t j = 0; j < d; ++j) q[j * l + m] /= after;
                break;
            }
            for (std::size_t j = 0; j < d; ++j) q[j * l + m] = normal(rng);
        }
    }
}

// y = c Q for one centred row c (D) and Q (D x l, row-major): row-wise so Q streams once.
inline void rowTimes(const float* c, const float* q, std::size_t d, std::size_t l, float* y) {
    std::fill(y, y + l, 0.0f);
    for (std::size_t j = 0; j < d; ++j) {
        const float cj = c[j];
        const float* qj = q + j * l;
        for (std::size_t m = 0; m < l; ++m) y[m] += cj * qj[m];
    }
}

// The sketch width the fast kernel is written for: k + oversampling rounded up to 8 gives
// 16 for maps of 2 to 6 components.
constexpr std::size_t kFastWidth = 16;

// Y = C Q for four centred rows C (4 x D) and Q (D x 16): each row of Q is loaded once for
// four rows, and the fixed width lets the compiler keep Y in vector registers.
[[gnu::always_inline]] inline void fourRowsTimesQ(const float* c, std::size_t d, const float* q,
                                                  float (&y)[4][kFastWidth]) {
    for (auto& row : y) std::fill(row, row + kFastWidth, 0.0f);
    const float *c0 = c, *c1 = c + d, *c2 = c + 2 * d, *c3 = c + 3 * d;
    for (std::size_t j = 0; j < d; ++j) {
        const float* qj = q + j * kFastWidth;
        const float a0 = c0[j], a1 = c1[j], a2 = c2[j], a3 = c3[j];
        for (std::size_t m = 0; m < kFastWidth; ++m) {
            y[0][m] += a0 * qj[m];
            y[1][m] += a1 * qj[m];
            y[2][m] += a2 * qj[m];
            y[3][m] += a3 * qj[m];
        }
    }
}

// Centres rows [i, i + 4) of x into scratch (4 x D); rows past `rows` become zero, so they
// add nothing to any product.
[[gnu::always_inline]] inline void centreFourRows(const float* x, std::size_t i, std::size_t rows,
                                                  std::size_t d, const float* mean, float* scratch) {
    for (std::size_t rr = 0; rr < 4; ++rr) {
        float* cr = scratch + rr * d;
        if (i + rr < rows) {
            const float* xr = x + (i + rr) * d;
            for (std::size_t j = 0; j < d; ++j) cr[j] = xr[j] - mean[j];
        } else {
            std::fill(cr, cr + d, 0.0f);
        }
    }
}

// ThreadSanitizer instruments target_clones' ifunc resolvers, which run during relocation,
// before its runtime is up (the binary crashes at start): its builds keep the default clone.
#if defined(__SANITIZE_THREAD__)
#define LATENT_HASWELL_CLONE
#else
#define LATENT_HASWELL_CLONE __attribute__((target_clones("arch=haswell", "default")))
#endif

// block += Xc^T Xc Q over `rows` rows of x for a sketch of width 16. Compiled for AVX2/FMA
// as well as the baseline; the loader picks the variant the CPU supports. `scratch` holds
// 4 x D floats.
LATENT_HASWELL_CLONE void covarianceTimesRowsFast(
    const float* x, std::size_t rows, std::size_t d, const float* mean, const float* q,
    float* block, float* scratch) {
    float y[4][kFastWidth];
    for (std::size_t i = 0; i < rows; i += 4) {
        centreFourRows(x, i, rows, d, mean, scratch);
        fourRowsTimesQ(scratch, d, q, y);
        const float *c0 = scratch, *c1 = scratch + d, *c2 = scratch + 2 * d, *c3 = scratch + 3 * d;
        for (std::size_t j = 0; j < d; ++j) {
            float* bj = block + j * kFastWidth;
            const float a0 = c0[j], a1 = c1[j], a2 = c2[j], a3 = c3[j];
            for (std::size_t m = 0; m < kFastWidth; ++m) {
                bj[m] += a0 * y[0][m] + a1 * y[1][m] + a2 * y[2][m] + a3 * y[3][m];
            }
        }
    }
}

// gram += (Xc Q)^T (Xc Q) (16 x 16) over `rows` rows of x; returns their sum of squares.
LATENT_HASWELL_CLONE double projectedGramRowsFast(
    const float* x, std::size_t rows, std::size_t d, const float* mean, const float* q,
    float* gram, float* scratch) {
    float y[4][kFastWidth];
    double squares = 0.0;
    for (std::size_t i = 0; i < rows; i += 4) {
        centreFourRows(x, i, rows, d, mean, scratch);
        for (std::size_t j = 0; j < 4 * d; ++j) squares += static_cast<double>(scratch[j]) * scratch[j];
        fourRowsTimesQ(scratch, d, q, y);
        for (std::size_t a = 0; a < kFastWidth; ++a) {
            float* ga = gram + a * kFastWidth;
            for (std::size_t b = 0; b < kFastWidth; ++b) {
                ga[b] += y[0][a] * y[0][b] + y[1][a] * y[1][b] + y[2][a] * y[2][b] + y[3][a] * y[3][b];
            }
        }
    }
    return squares;
}

// The same for any sketch width, one row at a time.
void covarianceTimesRows(const float* x, std::size_t rows, std::size_t d, const float* mean,
                         const float* q, std::size_t l, float* block, float* scratch) {
    float* c = scratch;
    std::vector<float> y(l);
    for (std::size_t i = 0; i < rows; ++i) {
        for (std::size_t j = 0; j < d; ++j) c[j] = x[i * d + j] - mean[j];
        rowTimes(c, q, d, l, y.data());
        for (std::size_t j = 0; j < d; ++j) {
            const float cj = c[j];
            float* bj = block + j * l;
            for (std::size_t m = 0; m < l; ++m) bj[m] += cj * y[m];
        }
    }
}

// Z = Xc^T (Xc Q) in one pass over the rows (Xc = data - mean): the covariance times Q,
// up to the factor 1 / (N - 1), without forming the D x D covariance.
std::vector<double> covarianceTimes(const LatentBatch& data, const std::vector<float>& mean,
                                    const std::vector<double>& q, std::size_t l, int threads) {
    const std::size_t d = data.dim;
    const std::vector<float> qf(q.begin(), q.end());
    std::vector<std::vector<double>> partials(rowChunkCount(data.count, threads),
                                              std::vector<double>(d * l, 0.0));
    forEachRowChunk(data.count, threads, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        std::vector<float> block(d * l, 0.0f), scratch(4 * d);
        auto& z = partials[chunk];
        for (std::size_t first = begin; first < end; first += kFlushRows) {
            const std::size_t rows = std::min(kFlushRows, end - first);
            const float* x = data.values.data() + first * d;
            if (l == kFastWidth) {
                covarianceTimesRowsFast(x, rows, d, mean.data(), qf.data(), block.data(), scratch.data());
            } else {
                covarianceTimesRows(x, rows, d, mean.data(), qf.data(), l, block.data(), scratch.data());
            }
            for (std::size_t t = 0; t < z.size(); ++t) z[t] += block[t];
            std::fill(block.begin(), block.end(), 0.0f);
        }
    });
    return sumPartials(partials);
}

// (Xc Q)^T (Xc Q), l x l, and the total sum of squares of Xc (last element), in one pass.
std::vector<double> projectedGram(const LatentBatch& data, const std::vector<float>& mean,
                                  const std::vector<double>& q, std::size_t l, int threads) {
    const std::size_t d = data.dim;
    const std::vector<float> qf(q.begin(), q.end());
    std::vector<std::vector<double>> partials(rowChunkCount(data.count, threads),
                                              std::vector<double>(l * l + 1, 0.0));
    forEachRowChunk(data.count, threads, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        std::vector<float> c(4 * d), y(l), block(l * l, 0.0f);
        auto& g = partials[chunk];
        for (std::size_t first = begin; first < end; first += kFlushRows) {
            const std::size_t rows = std::min(kFlushRows, end - first);
            const float* x = data.values.data() + first * d;
            if (l == kFastWidth) {
                g[l * l] += projectedGramRowsFast(x, rows, d, mean.data(), qf.data(), block.data(), c.data());
            } else {
                for (std::size_t i = 0; i < rows; ++i) {
                    for (std::size_t j = 0; j < d; ++j) {
                        c[j] = x[i * d + j] - mean[j];
                        g[l * l] += static_cast<double>(c[j]) * c[j];
                    }
                    rowTimes(c.data(), qf.data(), d, l, y.data());
                    for (std::size_t a = 0; a < l; ++a)
                        for (std::size_t b = 0; b < l; ++b) block[a * l + b] += y[a] * y[b];
                }
            }
            for (std::size_t t = 0; t < l * l; ++t) g[t] += block[t];
            std::fill(block.begin(), block.end(), 0.0f);
        }
    });
    return sumPartials(partials);
}

}  // namespace

std::vector<double> columnMeans(const LatentBatch& data, int threads) {
    const std::size_t d = data.dim;
    std::vector<std::vector<double>> partials(rowChunkCount(data.count, threads),
                                              std::vector<double>(d, 0.0));
    forEachRowChunk(data.count, threads, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        auto& sum = partials[chunk];
        for (std::size_t i = begin; i < end; ++i) {
            const float* x = data.values.data() + i * d;
            for (std::size_t j = 0; j < d; ++j) sum[j] += x[j];
        }
    });
    auto mean = sumPartials(partials);
    for (double& m : mean) m /= static_cast<double>(data.count);
    return mean;
}

PcaBasis exactPcaBasis(const LatentBatch& data, const std::vector<double>& mean, std::size_t k,
                       int threads) {
    const std::size_t n = data.count, d = data.dim;
    std::vector<std::vector<double>> partials(rowChunkCount(n, threads),
                                              std::vector<double>(d * d, 0.0));
    forEachRowChunk(n, threads, [&](std::size_t chunk, std::size_t begin, std::size_t end) {
        auto& cov = partials[chunk];
        std::vector<double> c(d);
        for (std::size_t i = begin; i < end; ++i) {
            for (std::size_t j = 0; j < d; ++j) c[j] = data.values[i * d + j] - mean[j];
            for (std::size_t r = 0; r < d; ++r) {  // upper triangle, contiguous inner loop
                const double cr = c[r];
                double* row = cov.data() + r * d;
                for (std::size_t col = r; col < d; ++col) row[col] += cr * c[col];
            }
        }
    });
    std::vector<double> cov = sumPartials(partials);
    for (std::size_t r = 0; r < d; ++r) {
        for (std::size_t c = r; c < d; ++c) {
            cov[r * d + c] /= static_cast<double>(n - 1);
            cov[c * d + r] = cov[r * d + c];
        }
    }
    std::vector<double> vectors;
    const std::vector<double> values = symmetricEigen(cov, d, vectors);
    PcaBasis basis;
    for (double v : values) basis.totalVariance += v;
    basis.variance.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(k));
    basis.axes.assign(vectors.begin(), vectors.begin() + static_cast<std::ptrdiff_t>(k * d));
    return basis;
}

PcaBasis randomizedPcaBasis(const LatentBatch& data, const std::vector<double>& mean,
                            std::size_t k, const PcaOptions& options, const ProgressFn& progress) {
    const std::size_t n = data.count, d = data.dim;
    // Sketch width rounded up to a multiple of 8 floats so the inner loops vectorise whole;
    // the extra directions only improve accuracy.
    const std::size_t l = std::min(d, (k + options.oversampling + 7) / 8 * 8);
    const int iterations = std::max(0, options.powerIterations);
    const std::vector<float> meanf(mean.begin(), mean.end());

    std::mt19937_64 rng(options.seed);
    std::normal_distribution<double> normal;
    std::vector<double> q(d * l);
    for (double& x : q) x = normal(rng);
    orthonormaliseColumns(q, d, l, rng);
    const double passes = iterations + 1.0;
    for (int it = 0; it < iterations; ++it) {
        ask(progress, it / passes, "PCA: power iteration " + std::to_string(it + 1));
        q = covarianceTimes(data, meanf, q, l, options.threads);
        orthonormaliseColumns(q, d, l, rng);
    }
    ask(progress, iterations / passes, "PCA: solving the sketch");
    // B = Q^T Xc^T is l x N; the eigen decomposition of B B^T gives its left singular
    // vectors W and squared singular values, so the principal axes are Q W.
    const std::vector<double> gram = projectedGram(data, meanf, q, l, options.threads);
    std::vector<double> w;
    const std::vector<double> values =
        symmetricEigen(std::vector<double>(gram.begin(), gram.begin() + static_cast<std::ptrdiff_t>(l * l)), l, w);
    PcaBasis basis;
    const double scale = 1.0 / static_cast<double>(n - 1);
    basis.totalVariance = gram[l * l] * scale;
    basis.axes.assign(k * d, 0.0);
    for (std::size_t c = 0; c < k; ++c) {
        basis.variance.push_back(std::max(0.0, values[c]) * scale);
        double* axis = basis.axes.data() + c * d;
        for (std::size_t j = 0; j < d; ++j) {
            double s = 0.0;
            for (std::size_t m = 0; m < l; ++m) s += q[j * l + m] * w[c * l + m];
            axis[j] = s;
        }
        // Same sign convention as the exact solver: the largest component is positive.
        const auto big = std::max_element(axis, axis + d, [](double a, double b) { return std::abs(a) < std::abs(b); });
        if (*big < 0)
            for (std::size_t j = 0; j < d; ++j) axis[j] = -axis[j];
    }
    return basis;
}

}  // namespace latent::detail
