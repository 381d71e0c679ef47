#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <limits>
#include <random>

#include "latent/core/Error.h"
#include "latent/core/ProjectionQuality.h"

namespace {

latent::LatentBatch column(std::vector<float> values) {
    latent::LatentBatch b(values.size(), 1);
    b.values = std::move(values);
    return b;
}

// Points on a line with growing gaps (no ties), and the same points with the first and
// last swapped in the layout.
const latent::LatentBatch kLine = column({0, 1, 3, 6, 10, 15});
const latent::LatentBatch kSwapped = column({15, 1, 3, 6, 10, 0});

TEST(Trustworthiness, IsOneForAPerfectLayout) {
    EXPECT_DOUBLE_EQ(latent::trustworthiness(kLine, kLine, 2, 100, 1, 1), 1.0);
    EXPECT_DOUBLE_EQ(latent::knnPreservation(kLine, kLine, 3, 100, 1, 1), 1.0);
}

TEST(Trustworthiness, MatchesAHandCheckedSwap) {
    // k = 1. Layout neighbours that are false in the data and their data ranks:
    // point 0 (at 15) -> point 4, rank 4; point 1 -> point 5, rank 5; point 5 (at 0) ->
    // point 1, rank 4; the others keep their true nearest neighbour. Penalty
    // (4-1) + (5-1) + (4-1) = 10, T = 1 - 2 / (6 * 1 * (12 - 3 - 1)) * 10 = 7/12.
    // sklearn.manifold.trustworthiness gives 0.5833333333333334 for the same arrays.
    EXPECT_NEAR(latent::trustworthiness(kLine, kSwapped, 1, 6, 1, 1), 7.0 / 12.0, 1e-12);
    // Points 2, 3 and 4 keep their nearest neighbour, points 0, 1 and 5 lose it.
    EXPECT_NEAR(latent::knnPreservation(kLine, kSwapped, 1, 6, 1, 1), 0.5, 1e-12);
}

// A fixed 40-point curve in 4-D and a distorted 2-D layout of it.
void curve(latent::LatentBatch& high, latent::LatentBatch& low) {
    high = latent::LatentBatch(40, 4);
    low = latent::LatentBatch(40, 2);
    for (std::size_t r = 0; r < 40; ++r) {
        const double i = static_cast<double>(r);
        high.values[r * 4 + 0] = static_cast<float>(std::sin(i));
        high.values[r * 4 + 1] = static_cast<float>(std::cos(1.7 * i));
        high.values[r * 4 + 2] = static_cast<float>(0.1 * i);
        high.values[r * 4 + 3] = static_cast<float>(std::sin(0.3 * i) * std::cos(i));
        low.values[r * 2 + 0] = static_cast<float>(std::sin(i) + 0.3 * std::cos(3 * i));
        low.values[r * 2 + 1] = static_cast<float>(0.05 * i);
    }
}

TEST(Trustworthiness, MatchesScikitLearnOnAFixedCurve) {
    // Reference values from scikit-learn 1.2.1:
    //   import numpy as np; from sklearn.manifold import trustworthiness
    //   i = np.arange(40, dtype=np.float64)
    //   high = np.stack([np.sin(i), np.cos(1.7 * i), 0.1 * i,
    //                    np.sin(0.3 * i) * np.cos(i)], axis=1).astype(np.float32)
    //   low = np.stack([np.sin(i) + 0.3 * np.cos(3 * i), 0.05 * i], axis=1).astype(np.float32)
    //   [trustworthiness(high, low, n_neighbors=k) for k in (1, 5, 12)]
    latent::LatentBatch high, low;
    curve(high, low);
    EXPECT_NEAR(latent::trustworthiness(high, low, 1, 40, 0, 1), 0.8276315789473684, 1e-12);
    EXPECT_NEAR(latent::trustworthiness(high, low, 5, 40, 0, 2), 0.85734375, 1e-12);
    EXPECT_NEAR(latent::trustworthiness(high, low, 12, 1000, 0, 2), 0.8807170542635658, 1e-12);
}

latent::LatentBatch noisyProjection(const latent::LatentBatch& data, float noise, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal(0.0f, noise);
    latent::LatentBatch low(data.count, 2);
    for (std::size_t i = 0; i < data.count; ++i) {
        low.values[i * 2] = data.values[i * data.dim] + normal(rng);
        low.values[i * 2 + 1] = data.values[i * data.dim + 1] + normal(rng);
    }
    return low;
}

TEST(Trustworthiness, SampleEstimatesTheExactScoreAndIgnoresThreads) {
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    latent::LatentBatch high(1500, 6);
    for (float& v : high.values) v = normal(rng);
    const auto low = noisyProjection(high, 0.3f, 4);

    const double exact = latent::trustworthiness(high, low, 10, 1500, 0, 2);
    const double sampled = latent::trustworthiness(high, low, 10, 400, 7, 2);
    EXPECT_GT(exact, 0.5);
    EXPECT_LT(exact, 0.95);
    EXPECT_NEAR(sampled, exact, 0.02);  // measured: 0.6896 exact, 0.6975 sampled
    EXPECT_NE(sampled, exact);          // it really is a sample
    EXPECT_EQ(sampled, latent::trustworthiness(high, low, 10, 400, 7, 1));

    const double kept = latent::knnPreservation(high, low, 10, 1500, 0, 2);
    // Measured 0.0035 apart.
    EXPECT_NEAR(latent::knnPreservation(high, low, 10, 400, 7, 1), kept, 0.02);
    EXPECT_GT(kept, 0.0);
    EXPECT_LT(kept, 1.0);
}

latent::ErrorKind errorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const latent::Error& e) {
        return e.kind();
    }
    return latent::ErrorKind::Io;  // "no error" stands out in the failure message
}

TEST(Trustworthiness, RefusesUnusableArguments) {
    using latent::ErrorKind;
    const auto shorter = column({0, 1, 2});
    EXPECT_EQ(errorOf([&] { latent::trustworthiness(kLine, shorter, 1, 10, 0, 1); }),
              ErrorKind::InvalidArgument);
    EXPECT_EQ(errorOf([&] { latent::trustworthiness(kLine, kLine, 3, 10, 0, 1); }),
              ErrorKind::InvalidArgument);  // k must be below N / 2
    EXPECT_EQ(errorOf([&] { latent::trustworthiness(kLine, kLine, 0, 10, 0, 1); }),
              ErrorKind::InvalidArgument);
    EXPECT_EQ(errorOf([&] { latent::knnPreservation(kLine, kLine, 1, 0, 0, 1); }),
              ErrorKind::InvalidArgument);
    auto bad = kLine;
    bad.values[2] = std::numeric_limits<float>::quiet_NaN();
    EXPECT_EQ(errorOf([&] { latent::knnPreservation(kLine, bad, 1, 10, 0, 1); }),
              ErrorKind::InvalidArgument);
}

}  // namespace
