#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/Pca.h"
#include "latent/core/Progress.h"

// The two ways Pca::fit finds principal axes; private to core.
namespace latent::detail {

struct PcaBasis {
    std::vector<double> axes;      // k x D, row-major, unit length, largest variance first
    std::vector<double> variance;  // k
    double totalVariance = 0.0;    // trace of the covariance
};

std::vector<double> columnMeans(const LatentBatch& data, int threads);

// Full covariance (threaded over rows) and its eigen decomposition.
PcaBasis exactPcaBasis(const LatentBatch& data, const std::vector<double>& mean, std::size_t k,
                       int threads);

// Randomized subspace iteration on the covariance, applied through the data without forming
// it. `progress` is asked between passes; it throws Error(Cancelled) when refused.
PcaBasis randomizedPcaBasis(const LatentBatch& data, const std::vector<double>& mean,
                            std::size_t k, const PcaOptions& options, const ProgressFn& progress);

}  // namespace latent::detail
