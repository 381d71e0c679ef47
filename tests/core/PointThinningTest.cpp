#include "latent/core/PointThinning.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "RandomData.h"

namespace {

TEST(PointThinning, SmallMapsKeepEveryPoint) {
    const auto pts = gaussianBatch(50, 2, 1);
    const auto subset = latent::representativeSubset(pts, 100);
    ASSERT_EQ(subset.size(), 50u);
    for (std::uint32_t i = 0; i < 50; ++i) EXPECT_EQ(subset[i], i);
}

TEST(PointThinning, KeepsAboutTheBudgetStablyAndKeepsClusterProportionsAndOutliers) {
    // Two clusters, 9:1, and one far outlier (the last row).
    auto pts = gaussianBatch(100001, 3, 2);
    for (std::size_t i = 90000; i < 100000; ++i) pts.row(i)[0] += 20.0f;
    pts.row(100000)[1] = 500.0f;
    const auto subset = latent::representativeSubset(pts, 5000);
    EXPECT_GT(subset.size(), 4500u);
    EXPECT_LT(subset.size(), 5500u);
    EXPECT_TRUE(std::is_sorted(subset.begin(), subset.end()));
    EXPECT_EQ(std::adjacent_find(subset.begin(), subset.end()), subset.end());
    EXPECT_EQ(subset.back(), 100000u);  // the outlier has a grid cell of its own
    const auto small = std::count_if(subset.begin(), subset.end(),
                                     [](std::uint32_t i) { return i >= 90000 && i < 100000; });
    const double share = static_cast<double>(small) / static_cast<double>(subset.size());
    EXPECT_GT(share, 0.07);
    EXPECT_LT(share, 0.15);
    EXPECT_EQ(latent::representativeSubset(pts, 5000), subset);  // same points, same subset
}

}  // namespace
