#include "latent/core/AxisTicks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace {

TEST(AxisTicks, RoundStepsInsideTheRange) {
    EXPECT_EQ(latent::niceTicks(0.0, 10.0, 5), (std::vector<double>{0, 2, 4, 6, 8, 10}));
    EXPECT_EQ(latent::niceTicks(-3.7, 3.7, 6), (std::vector<double>{-3, -2, -1, 0, 1, 2, 3}));
    const auto small = latent::niceTicks(0.013, 0.049, 4);
    ASSERT_EQ(small.size(), 3u);  // 0.02, 0.03, 0.04: a step of 0.01
    EXPECT_NEAR(small.front(), 0.02, 1e-12);
    EXPECT_NEAR(small[1] - small[0], 0.01, 1e-12);
    const auto big = latent::niceTicks(1200.0, 98000.0, 5);
    EXPECT_EQ(big.front(), 20000.0);
    EXPECT_EQ(big.back(), 80000.0);
}

TEST(AxisTicks, EveryTickIsInsideAndStepsAreEqual) {
    for (double low : {-7.3, -0.002, 0.0, 41.0}) {
        for (double span : {0.001, 0.37, 5.0, 1234.5}) {
            const auto ticks = latent::niceTicks(low, low + span, 6);
            ASSERT_GE(ticks.size(), 2u) << low << " + " << span;
            EXPECT_LE(ticks.size(), 13u) << low << " + " << span;
            const double step = ticks[1] - ticks[0];
            for (std::size_t i = 0; i < ticks.size(); ++i) {
                EXPECT_GE(ticks[i], low - step * 1e-6);
                EXPECT_LE(ticks[i], low + span + step * 1e-6);
                if (i > 0) {
                    EXPECT_NEAR(ticks[i] - ticks[i - 1], step, step * 1e-6);
                }
            }
        }
    }
}

TEST(AxisTicks, EmptyOrBrokenRangesHaveNoTicks) {
    EXPECT_TRUE(latent::niceTicks(1.0, 1.0, 5).empty());
    EXPECT_TRUE(latent::niceTicks(2.0, 1.0, 5).empty());
    EXPECT_TRUE(latent::niceTicks(0.0, std::numeric_limits<double>::infinity(), 5).empty());
    EXPECT_TRUE(latent::niceTicks(std::nan(""), 1.0, 5).empty());
    EXPECT_TRUE(latent::niceTicks(0.0, 1.0, 0).empty());
}

}  // namespace
