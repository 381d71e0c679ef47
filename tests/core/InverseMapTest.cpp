#include "latent/core/InverseMap.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "latent/core/Error.h"

namespace {

// Points on a unit grid (gx x gy), each with a random latent of dimension 6.
struct GridMap {
    latent::LatentBatch coords;
    std::shared_ptr<latent::LatentBatch> latents;
};

GridMap grid(std::size_t gx, std::size_t gy) {
    GridMap m{latent::LatentBatch(gx * gy, 2), std::make_shared<latent::LatentBatch>(gx * gy, 6)};
    std::mt19937 rng(9);
    std::normal_distribution<float> normal;
    for (std::size_t i = 0; i < gx * gy; ++i) {
        m.coords.row(i)[0] = static_cast<float>(i % gx);
        m.coords.row(i)[1] = static_cast<float>(i / gx);
        for (float& z : m.latents->row(i)) z = normal(rng);
    }
    return m;
}

TEST(InverseMap, ExactAtEveryDataPoint) {
    const auto m = grid(12, 9);
    const latent::InverseMap inverse(m.coords, m.latents);
    for (std::size_t i = 0; i < m.coords.count; ++i) {
        const auto e = inverse.decode(m.coords.row(i));
        const auto z = m.latents->row(i);
        EXPECT_EQ(e.latent, std::vector<float>(z.begin(), z.end()));
        EXPECT_EQ(e.nearest, i);
        EXPECT_EQ(e.spacingsFromData, 0.0);
    }
}

TEST(InverseMap, ConvexCombinationBetweenPoints) {
    const auto m = grid(10, 10);
    const latent::InverseMap inverse(m.coords, m.latents, 8);
    // Half-way between two neighbours (and far from the others) both weigh the same.
    const auto pair = latent::InverseMap(m.coords, m.latents, 2).decode(std::vector<float>{4.5f, 3.0f});
    for (std::size_t j = 0; j < 6; ++j) {
        EXPECT_NEAR(pair.latent[j], 0.5f * (m.latents->row(34)[j] + m.latents->row(35)[j]), 1e-5);
    }
    std::mt19937 rng(2);
    std::uniform_real_distribution<float> u(0.0f, 9.0f);
    for (int q = 0; q < 100; ++q) {
        const std::vector<float> pos{u(rng), u(rng)};
        const auto e = inverse.decode(pos);
        // Every coordinate lies within the range spanned by the data's latents.
        for (std::size_t j = 0; j < 6; ++j) {
            float lo = INFINITY, hi = -INFINITY;
            for (std::size_t i = 0; i < m.latents->count; ++i) {
                lo = std::min(lo, m.latents->row(i)[j]);
                hi = std::max(hi, m.latents->row(i)[j]);
            }
            EXPECT_GE(e.latent[j], lo - 1e-5f);
            EXPECT_LE(e.latent[j], hi + 1e-5f);
        }
        EXPECT_LE(e.spacingsFromData, std::sqrt(0.5) + 1e-6);  // inside a unit grid
    }
}

TEST(InverseMap, DistanceFromDataGrowsAwayFromTheData) {
    const auto m = grid(8, 8);
    const latent::InverseMap inverse(m.coords, m.latents);
    double previous = -1.0;
    for (float x = 7.0f; x < 40.0f; x += 3.0f) {
        const auto e = inverse.decode(std::vector<float>{x, 3.0f});
        EXPECT_GT(e.spacingsFromData, previous);
        EXPECT_NEAR(e.spacingsFromData, x - 7.0f, 1e-5);  // the grid's spacing is 1
        previous = e.spacingsFromData;
    }
}

TEST(InverseMap, WorksIn3dAndRejectsBadInput) {
    latent::LatentBatch coords(4, 3);
    auto latents = std::make_shared<latent::LatentBatch>(4, 2);
    for (std::size_t i = 0; i < 4; ++i) {
        coords.row(i)[i % 3] = 1.0f;
        latents->row(i)[0] = static_cast<float>(i);
    }
    const latent::InverseMap inverse(coords, latents);
    EXPECT_EQ(inverse.dim(), 3u);
    EXPECT_EQ(inverse.decode(coords.row(2)).latent[0], 2.0f);
    EXPECT_THROW(inverse.decode(std::vector<float>{0, 0}), latent::Error);
    EXPECT_THROW(inverse.decode(std::vector<float>{0, NAN, 0}), latent::Error);
    EXPECT_THROW(latent::InverseMap(latent::LatentBatch(3, 2), latents), latent::Error);
    EXPECT_THROW(latent::InverseMap(latent::LatentBatch(4, 4), latents), latent::Error);
    EXPECT_THROW(latent::InverseMap(coords, nullptr), latent::Error);
    EXPECT_THROW(latent::InverseMap(coords, latents, 0), latent::Error);
}

TEST(PlaceNearLatents, DataLatentsLandOnTheirPositionsAndOthersBetweenTheirNeighbours) {
    // Two clusters of latents far apart, drawn at x = 0 and x = 10.
    latent::LatentBatch latents(40, 3), coords(40, 2);
    std::mt19937 rng(5);
    std::normal_distribution<float> jitter(0.0f, 0.1f);
    for (std::size_t i = 0; i < 40; ++i) {
        const float side = i < 20 ? -5.0f : 5.0f;
        for (std::size_t j = 0; j < 3; ++j)
            latents.row(i)[j] = (j == 0 ? side : 0.0f) + jitter(rng);
        coords.row(i)[0] = (i < 20 ? 0.0f : 10.0f) + jitter(rng);
        coords.row(i)[1] = jitter(rng);
    }
    latent::LatentBatch queries(3, 3);
    std::copy_n(latents.row(7).begin(), 3, queries.row(0).begin());
    queries.values[3] = -4.9f;  // inside the first cluster
    queries.values[6] = 4.9f;   // inside the second
    const auto placed = latent::placeNearLatents(coords, latents, queries);
    EXPECT_FLOAT_EQ(placed.row(0)[0], coords.row(7)[0]);
    EXPECT_FLOAT_EQ(placed.row(0)[1], coords.row(7)[1]);
    EXPECT_NEAR(placed.row(1)[0], 0.0f, 0.5f);
    EXPECT_NEAR(placed.row(2)[0], 10.0f, 0.5f);

    latent::LatentBatch nan(1, 3);
    nan.values[1] = std::nanf("");
    EXPECT_THROW(latent::placeNearLatents(coords, latents, nan), latent::Error);
    EXPECT_THROW(latent::placeNearLatents(coords, latents, latent::LatentBatch(1, 2)),
                 latent::Error);
    EXPECT_THROW(latent::placeNearLatents(latent::LatentBatch(39, 2), latents, queries),
                 latent::Error);
}

}  // namespace
