#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"

namespace latent {

enum class PcaSolver {
    Auto,        // randomized for wide data (see PcaOptions), exact otherwise
    Exact,       // covariance + Jacobi eigen decomposition: costs N D^2 + D^3
    Randomized,  // Halko, Martinsson & Tropp (2011) subspace iteration: costs ~N D (k + p)
};

struct PcaOptions {
    PcaSolver solver = PcaSolver::Auto;
    int threads = 1;
    std::uint64_t seed = 42;        // randomized: the Gaussian test matrix
    std::size_t oversampling = 10;  // randomized: extra directions kept beyond the components
    int powerIterations = 4;        // randomized: passes of the covariance over the subspace
};

// Principal component analysis of N x D data in double precision. Small D (latents) is
// solved exactly; wide data (raw pixels) by randomized subspace iteration, whose leading
// axes and variances agree with the exact ones to well under a percent.
class Pca {
public:
    // Throws Error(InvalidArgument) for fewer than 2 rows, k outside [1, D], or NaN/Inf input;
    // Error(Cancelled) when `progress` returns false (it is asked between passes over the data).
    static Pca fit(const LatentBatch& data, std::size_t components, const PcaOptions& options = {},
                   const ProgressFn& progress = {});
    // What PcaSolver::Auto picks: randomized when D > 64 and k + oversampling <= D / 4, where
    // the exact D^3 eigen solve starts to dominate and the sketch is much smaller than D.
    static bool prefersRandomized(std::size_t dim, std::size_t components, std::size_t oversampling);

    std::size_t inputDim() const { return mean_.size(); }
    std::size_t components() const { return components_; }
    bool randomized() const { return randomized_; }
    const std::vector<double>& mean() const { return mean_; }
    // Row c is the unit-length principal axis c (D values), largest variance first.
    std::span<const double> axis(std::size_t c) const;
    // Variance along each kept axis, and its share of the total variance.
    const std::vector<double>& explainedVariance() const { return variance_; }
    std::vector<double> explainedVarianceRatio() const;

    LatentBatch transform(const LatentBatch& data, int threads = 1) const;
    std::vector<float> transform(std::span<const float> point) const;
    // The exact inverse on the plane of the kept axes: the latent whose projection is
    // `coords` and whose components along the dropped axes equal the data mean.
    std::vector<float> inverse(std::span<const float> coords) const;

private:
    std::vector<double> mean_;
    std::vector<double> axes_;  // components_ x D, row-major
    std::vector<double> variance_;
    double totalVariance_ = 0.0;
    std::size_t components_ = 0;
    bool randomized_ = false;
};

// Eigen decomposition of a symmetric n x n matrix (row-major) by cyclic Jacobi rotations.
// Returns eigenvalues in descending order; `vectors` receives the matching unit eigenvectors
// as rows.
std::vector<double> symmetricEigen(std::vector<double> matrix, std::size_t n,
                                   std::vector<double>& vectors);

}  // namespace latent
