#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "latent/core/DensityGrid.h"
#include "latent/core/Error.h"

namespace {

TEST(DensityGrid, CountsEqualBruteForceIncludingEdgesAndOutsiders) {
    // Unit cells over [0, 8) x [0, 4): a point's cell is (floor x, floor y).
    std::mt19937 rng(4);
    std::uniform_real_distribution<float> x(-1.0f, 9.0f), y(-1.0f, 5.0f);
    latent::LatentBatch points(20000, 3);
    for (std::size_t i = 0; i < points.count; ++i) {
        points.values[i * 3] = x(rng);
        points.values[i * 3 + 1] = y(rng);
        points.values[i * 3 + 2] = 100.0f;  // the third coordinate is ignored
    }
    // Edges: the lower/left edges belong to the cell, the upper/right edge of the grid not.
    const float edges[][2] = {
        {0.0f, 0.0f}, {3.0f, 2.0f}, {8.0f, 1.0f}, {2.0f, 4.0f}, {7.999f, 3.999f}};
    for (std::size_t e = 0; e < 5; ++e) {
        points.values[e * 3] = edges[e][0];
        points.values[e * 3 + 1] = edges[e][1];
    }
    points.values[5 * 3] = std::numeric_limits<float>::quiet_NaN();

    const auto grid = latent::binPoints(points, {0.0, 0.0, 8.0, 4.0}, 8, 4);
    std::vector<std::uint32_t> expected(32, 0);
    for (std::size_t i = 0; i < points.count; ++i) {
        const float px = points.values[i * 3], py = points.values[i * 3 + 1];
        if (!(px >= 0.0f && px < 8.0f && py >= 0.0f && py < 4.0f)) continue;
        ++expected[static_cast<std::size_t>(std::floor(py)) * 8 +
                   static_cast<std::size_t>(std::floor(px))];
    }
    EXPECT_EQ(grid.counts, expected);
    EXPECT_EQ(grid.maxCount, *std::max_element(expected.begin(), expected.end()));
    EXPECT_EQ(grid.width, 8u);
    EXPECT_EQ(grid.height, 4u);
}

TEST(DensityGrid, RowZeroIsTheBottomOfAnOffsetRectangle) {
    latent::LatentBatch points(3, 2);
    points.values = {-9.9f, 20.5f, -5.1f, 29.5f, -5.1f, 29.6f};  // bottom-left; top-right twice
    const auto grid = latent::binPoints(points, {-10.0, 20.0, -5.0, 30.0}, 2, 5);
    EXPECT_EQ(grid.at(0, 0), 1u);
    EXPECT_EQ(grid.at(1, 4), 2u);
    EXPECT_EQ(grid.maxCount, 2u);
}

TEST(DensityGrid, RefusesAnEmptyGridOrRectangle) {
    const latent::LatentBatch points(1, 2);
    EXPECT_THROW(latent::binPoints(points, {0, 0, 1, 1}, 0, 4), latent::Error);
    EXPECT_THROW(latent::binPoints(points, {0, 0, 0, 1}, 4, 4), latent::Error);
    EXPECT_THROW(latent::binPoints(latent::LatentBatch(2, 1), {0, 0, 1, 1}, 4, 4), latent::Error);
}

}  // namespace
