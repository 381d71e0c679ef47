#include "latent/core/ScreenPicker.h"

#include <gtest/gtest.h>

#include <random>

namespace {

// An orthographic view of the square [-10, 10]^2 on a 200 x 100 viewport.
std::array<double, 16> orthoView() {
    return {0.1, 0, 0, 0,  //
            0, 0.1, 0, 0,  //
            0, 0, -0.1, 0,  //
            0, 0, 0, 1};
}

TEST(ScreenPicker, ProjectsWorldToPixels) {
    const auto p = latent::worldToScreen(orthoView(), 200, 100, {0, 0, 0});
    EXPECT_DOUBLE_EQ(p[0], 100);
    EXPECT_DOUBLE_EQ(p[1], 50);
    const auto q = latent::worldToScreen(orthoView(), 200, 100, {10, -10, 0});
    EXPECT_DOUBLE_EQ(q[0], 200);
    EXPECT_DOUBLE_EQ(q[1], 0);
}

TEST(ScreenPicker, PicksTheNearestWithinTheRadiusLikeBruteForce) {
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-10, 10);
    latent::LatentBatch pts(500, 2);
    for (float& v : pts.values) v = u(rng);
    const auto view = orthoView();
    for (int trial = 0; trial < 200; ++trial) {
        const double cx = u(rng) * 10 + 100, cy = u(rng) * 5 + 50;
        std::optional<std::size_t> expected;
        double best = 1e300;
        for (std::size_t i = 0; i < pts.count; ++i) {
            const auto s = latent::worldToScreen(view, 200, 100, {pts.row(i)[0], pts.row(i)[1], 0});
            const double d = std::hypot(s[0] - cx, s[1] - cy);
            if (d <= 4.0 && d < best) {
                best = d;
                expected = i;
            }
        }
        const auto hit = latent::pickNearestOnScreen(pts, view, 200, 100, cx, cy, 4.0);
        ASSERT_EQ(hit.has_value(), expected.has_value());
        if (hit) {
            EXPECT_EQ(hit->index, *expected);
            EXPECT_NEAR(hit->distancePixels, best, 1e-9);
        }
    }
}

TEST(ScreenPicker, EmptySpaceMissesAndFrontPointWinsTies) {
    latent::LatentBatch pts(2, 3);
    pts.values = {1, 1, 5, 1, 1, -5};  // same screen position, different depth
    const auto hit = latent::pickNearestOnScreen(pts, orthoView(), 200, 100, 110, 55, 3.0);
    ASSERT_TRUE(hit);
    EXPECT_EQ(hit->index, 0u);  // z = 5 maps to NDC depth -0.5: nearer the camera
    EXPECT_FALSE(latent::pickNearestOnScreen(pts, orthoView(), 200, 100, 10, 10, 3.0));
}

}  // namespace
