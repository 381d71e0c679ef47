#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// How much of the latent space the data use.
struct Compactness {
    // Per dimension: a VAE's mean KL of the posterior to the prior (nats), else the variance
    // of the encoded means.
    std::vector<double> perDimension;
    bool fromKl = false;
    std::size_t activeDimensions = 0;  // see kActiveKl and kActiveVarianceShare
    // (sum of eigenvalues)^2 / sum of squared eigenvalues of the latent covariance: D when
    // every direction is used alike, 1 when one direction holds everything.
    double participationRatio = 0.0;
    std::size_t dimensionsFor90Percent = 0;  // principal components holding 90% of the variance
    std::vector<double> varianceRatio;       // each principal component's share, largest first
};

// A VAE dimension is active when its mean KL is above this many nats (Burda et al. use
// the variance of the means; the KL says directly how much the dimension carries).
inline constexpr double kActiveKl = 0.01;
// A dimension of a plain autoencoder is active when its variance is at least this share of
// the largest dimension's.
inline constexpr double kActiveVarianceShare = 0.01;

// `logvars` empty for encoders that are not variational. Needs 2 or more items.
Compactness measureCompactness(const LatentBatch& mu, const LatentBatch& logvars);

}  // namespace latent
