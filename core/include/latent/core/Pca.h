#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// Principal component analysis of N x D data, exact (covariance + symmetric eigen
// decomposition in double precision), suited to latent sizes up to a few hundred.
class Pca {
public:
    // Throws Error(InvalidArgument) for fewer than 2 rows, k outside [1, D], or NaN/Inf input.
    static Pca fit(const LatentBatch& data, std::size_t components);

    std::size_t inputDim() const { return mean_.size(); }
    std::size_t components() const { return components_; }
    const std::vector<double>& mean() const { return mean_; }
    // Row c is the unit-length principal axis c (D values), largest variance first.
    std::span<const double> axis(std::size_t c) const;
    // Variance along each kept axis, and its share of the total variance.
    const std::vector<double>& explainedVariance() const { return variance_; }
    std::vector<double> explainedVarianceRatio() const;

    LatentBatch transform(const LatentBatch& data) const;
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
};

// Eigen decomposition of a symmetric n x n matrix (row-major) by cyclic Jacobi rotations.
// Returns eigenvalues in descending order; `vectors` receives the matching unit eigenvectors
// as rows.
std::vector<double> symmetricEigen(std::vector<double> matrix, std::size_t n,
                                   std::vector<double>& vectors);

}  // namespace latent
