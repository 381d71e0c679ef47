#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// What one latent dimension looks like over the encoded dataset.
struct DimensionSummary {
    std::size_t dimension = 0;
    double mean = 0.0;
    double stddev = 0.0;
    float min = 0.0f;
    float max = 0.0f;
    std::vector<std::size_t> histogram;  // counts over [mean - 3 sd, mean + 3 sd]
    // How much the dimension matters: the variance of the encoded means over the data
    // (Burda et al. 2016 "active units"), or the mean KL to the prior when logvars are known.
    double importance = 0.0;
    bool active = false;  // importance above the activity threshold
};

struct DimensionStatsOptions {
    std::size_t bins = 24;
    double activityThreshold = 0.01;  // Burda et al.'s threshold on the variance of means
};

// Per-dimension summaries, in dimension order. With `logvars` (same shape as `means`,
// from a VAE encoder) importance is the mean KL(q(z_d|x) || N(0, 1)) and a dimension
// is active when that exceeds the threshold.
std::vector<DimensionSummary> summariseDimensions(const LatentBatch& means,
                                                  const LatentBatch* logvars = nullptr,
                                                  const DimensionStatsOptions& options = {});

// Dimension indices from most to least important (ties keep dimension order).
std::vector<std::size_t> rankDimensions(const std::vector<DimensionSummary>& summaries);

}  // namespace latent
