#include "latent/core/Compactness.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "latent/core/Error.h"
#include "latent/core/Pca.h"

namespace latent {
namespace {

// Sample covariance (N - 1 in the denominator, as np.cov), D x D row-major.
std::vector<double> covariance(const LatentBatch& x) {
    const std::size_t dim = x.dim;
    std::vector<double> mean(dim, 0.0), cov(dim * dim, 0.0);
    for (std::size_t i = 0; i < x.count; ++i) {
        for (std::size_t d = 0; d < dim; ++d) mean[d] += x.row(i)[d];
    }
    for (double& m : mean) m /= static_cast<double>(x.count);
    std::vector<double> centred(dim);
    for (std::size_t i = 0; i < x.count; ++i) {
        for (std::size_t d = 0; d < dim; ++d) centred[d] = x.row(i)[d] - mean[d];
        for (std::size_t a = 0; a < dim; ++a) {
            for (std::size_t b = a; b < dim; ++b) cov[a * dim + b] += centred[a] * centred[b];
        }
    }
    for (std::size_t a = 0; a < dim; ++a) {
        for (std::size_t b = a; b < dim; ++b) {
            cov[a * dim + b] /= static_cast<double>(x.count - 1);
            cov[b * dim + a] = cov[a * dim + b];
        }
    }
    return cov;
}

}  // namespace

Compactness measureCompactness(const LatentBatch& mu, const LatentBatch& logvars) {
    if (mu.count < 2 || mu.dim == 0) throw Error(ErrorKind::InvalidArgument, "compactness needs 2 or more latents");
    Compactness c;
    const std::vector<double> cov = covariance(mu);
    c.fromKl = logvars.count == mu.count && logvars.dim == mu.dim;
    c.perDimension.assign(mu.dim, 0.0);
    if (c.fromKl) {
        for (std::size_t i = 0; i < mu.count; ++i) {
            for (std::size_t d = 0; d < mu.dim; ++d) {
                const double m = mu.row(i)[d], lv = logvars.row(i)[d];
                c.perDimension[d] += 0.5 * (m * m + std::exp(lv) - 1.0 - lv);
            }
        }
        for (double& kl : c.perDimension) kl /= static_cast<double>(mu.count);
        c.activeDimensions = static_cast<std::size_t>(
            std::count_if(c.perDimension.begin(), c.perDimension.end(), [](double kl) { return kl > kActiveKl; }));
    } else {
        for (std::size_t d = 0; d < mu.dim; ++d) c.perDimension[d] = cov[d * mu.dim + d];
        const double largest = *std::max_element(c.perDimension.begin(), c.perDimension.end());
        c.activeDimensions = static_cast<std::size_t>(std::count_if(
            c.perDimension.begin(), c.perDimension.end(), [&](double v) { return v >= kActiveVarianceShare * largest; }));
    }
    std::vector<double> vectors;
    std::vector<double> eigen = symmetricEigen(cov, mu.dim, vectors);
    for (double& e : eigen) e = std::max(e, 0.0);  // round-off below zero
    const double total = std::accumulate(eigen.begin(), eigen.end(), 0.0);
    const double squares = std::inner_product(eigen.begin(), eigen.end(), eigen.begin(), 0.0);
    c.participationRatio = squares > 0.0 ? total * total / squares : 0.0;
    double held = 0.0;
    for (double e : eigen) {
        c.varianceRatio.push_back(total > 0.0 ? e / total : 0.0);
        held += c.varianceRatio.back();
        if (c.dimensionsFor90Percent == 0 && held >= 0.9 - 1e-12) c.dimensionsFor90Percent = c.varianceRatio.size();
    }
    return c;
}

}  // namespace latent
