#include "latent/core/DimensionStats.h"

#include <gtest/gtest.h>

#include <random>

#include "latent/core/Error.h"

namespace {

// 5,000 latents in 6-D: dims 1 and 4 carry signal (sd 2 and 1), the rest are collapsed
// to near-constant values, as a VAE's inactive units are.
latent::LatentBatch mostlyInactive() {
    std::mt19937 rng(9);
    std::normal_distribution<float> normal;
    latent::LatentBatch z(5000, 6);
    for (std::size_t i = 0; i < z.count; ++i) {
        for (std::size_t j = 0; j < 6; ++j) z.row(i)[j] = 0.02f * normal(rng);
        z.row(i)[1] = 2.0f * normal(rng) + 1.0f;
        z.row(i)[4] = normal(rng);
    }
    return z;
}

TEST(DimensionStats, MeansSpreadsAndHistogramsMatchTheData) {
    const auto stats = latent::summariseDimensions(mostlyInactive());
    ASSERT_EQ(stats.size(), 6u);
    EXPECT_NEAR(stats[1].mean, 1.0, 0.1);
    EXPECT_NEAR(stats[1].stddev, 2.0, 0.1);
    EXPECT_NEAR(stats[4].stddev, 1.0, 0.05);
    std::size_t inRange = 0;
    for (auto c : stats[1].histogram) inRange += c;
    EXPECT_GT(inRange, 4950u);  // ~99.7% within 3 sd
    EXPECT_LE(inRange, 5000u);
    // A Gaussian histogram peaks in the middle bins.
    const auto& h = stats[4].histogram;
    EXPECT_GT(h[h.size() / 2], 5 * h.front());
}

TEST(DimensionStats, RankingPutsLiveDimensionsFirstAndFlagsTheRestInactive) {
    const auto stats = latent::summariseDimensions(mostlyInactive());
    const auto order = latent::rankDimensions(stats);
    EXPECT_EQ(order[0], 1u);
    EXPECT_EQ(order[1], 4u);
    for (std::size_t j = 0; j < 6; ++j) EXPECT_EQ(stats[j].active, j == 1 || j == 4) << "dim " << j;
}

TEST(DimensionStats, WithLogvarsImportanceIsTheMeanKlToThePrior) {
    latent::LatentBatch mu(2, 2), logvar(2, 2);
    mu.values = {0, 1, 0, -1};
    logvar.values = {0, 0, 0, 0};
    const auto stats = latent::summariseDimensions(mu, &logvar);
    EXPECT_NEAR(stats[0].importance, 0.0, 1e-12);  // posterior equals the prior: no information
    EXPECT_NEAR(stats[1].importance, 0.5, 1e-12);  // 0.5 * mu^2 on average
    EXPECT_FALSE(stats[0].active);
    EXPECT_TRUE(stats[1].active);
    latent::LatentBatch wrong(3, 2);
    EXPECT_THROW(latent::summariseDimensions(mu, &wrong), latent::Error);
    EXPECT_THROW(latent::summariseDimensions(latent::LatentBatch(1, 2)), latent::Error);
}

}  // namespace
