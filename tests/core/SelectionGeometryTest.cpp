#include "latent/core/SelectionGeometry.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>
#include <random>

#include "latent/core/ScreenPicker.h"

namespace {

// Orthographic view of [-10, 10]^2 on a 200 x 200 viewport: world (x, y) -> pixel (10x + 100, 10y + 100).
latent::ScreenView orthoView() {
    return {{0.1, 0, 0, 0, 0, 0.1, 0, 0, 0, 0, -0.1, 0, 0, 0, 0, 1}, 200, 200};
}

latent::LatentBatch randomMap(std::size_t n, std::size_t dim, unsigned seed) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<float> u(-10, 10);
    latent::LatentBatch pts(n, dim);
    for (float& v : pts.values) v = u(rng);
    return pts;
}

// A "C": a concave lasso whose mouth opens to the right.
std::vector<latent::ScreenPoint> cShape() {
    return {{20, 20}, {180, 20}, {180, 60}, {60, 60}, {60, 140}, {180, 140}, {180, 180}, {20, 180}};
}

TEST(SelectionGeometry, PolygonTestHandlesConcaveShapes) {
    const auto c = cShape();
    EXPECT_TRUE(latent::insidePolygon(c, {40, 100}));    // the back of the C
    EXPECT_FALSE(latent::insidePolygon(c, {120, 100}));  // inside the mouth: outside the lasso
    EXPECT_TRUE(latent::insidePolygon(c, {120, 40}));    // the upper arm
    EXPECT_FALSE(latent::insidePolygon(c, {190, 100}));
}

TEST(SelectionGeometry, SelfIntersectingLassoUsesEvenOdd) {
    const std::vector<latent::ScreenPoint> bowtie{{0, 0}, {100, 100}, {100, 0}, {0, 100}};
    EXPECT_TRUE(latent::insidePolygon(bowtie, {10, 50}));
    EXPECT_TRUE(latent::insidePolygon(bowtie, {90, 50}));
    EXPECT_FALSE(latent::insidePolygon(bowtie, {50, 10}));
}

TEST(SelectionGeometry, RectangleEqualsBruteForceInAnyCornerOrder) {
    const auto pts = randomMap(3000, 2, 1);
    const auto view = orthoView();
    const auto picked = latent::selectInRectangle(pts, view, {150, 40}, {30, 120});
    std::vector<std::size_t> expected;
    for (std::size_t i = 0; i < pts.count; ++i) {
        const double x = 10.0 * pts.row(i)[0] + 100.0, y = 10.0 * pts.row(i)[1] + 100.0;
        if (x >= 30 && x <= 150 && y >= 40 && y <= 120) expected.push_back(i);
    }
    EXPECT_EQ(picked, expected);
    EXPECT_FALSE(picked.empty());
}

TEST(SelectionGeometry, ConcaveLassoEqualsBruteForceOnRandomMaps) {
    const auto view = orthoView();
    for (std::size_t dim : {2u, 3u}) {
        const auto pts = randomMap(4000, dim, 2 + static_cast<unsigned>(dim));
        const auto picked = latent::selectInLasso(pts, view, cShape());
        std::vector<std::size_t> expected;
        for (std::size_t i = 0; i < pts.count; ++i) {
            const latent::ScreenPoint p{10.0 * pts.row(i)[0] + 100.0, 10.0 * pts.row(i)[1] + 100.0};
            const bool inArms = p.x >= 20 && p.x <= 180 && ((p.y >= 20 && p.y < 60) || (p.y > 140 && p.y <= 180));
            const bool inBack = p.x >= 20 && p.x < 60 && p.y >= 20 && p.y <= 180;
            if (inArms || inBack) expected.push_back(i);
        }
        EXPECT_EQ(picked, expected) << dim << "-D map";
    }
}

TEST(SelectionGeometry, PerspectiveViewMatchesTheProjectionAndSkipsPointsBehind) {
    // A camera at z = 5 looking down -z with a 90 degree field of view.
    const double f = 1.0 / std::tan(std::numbers::pi / 4.0), near = 0.1, far = 100.0;
    latent::ScreenView view{{f, 0, 0, 0, 0, f, 0, 0, 0, 0, (far + near) / (near - far),
                             2 * far * near / (near - far) - 5.0 * (far + near) / (near - far),
                             0, 0, -1, 5},
                            400, 400};
    latent::LatentBatch pts(3, 3);
    pts.values = {0, 0, 0, 1, 1, 0, 0, 0, 10};  // the last one is behind the camera
    const auto all = latent::selectInRectangle(pts, view, {0, 0}, {400, 400});
    EXPECT_EQ(all, (std::vector<std::size_t>{0, 1}));
    const auto s = latent::worldToScreen(view.worldToView, 400, 400, {1, 1, 0});
    const auto only1 = latent::selectInRectangle(pts, view, {s[0] - 1, s[1] - 1}, {s[0] + 1, s[1] + 1});
    EXPECT_EQ(only1, (std::vector<std::size_t>{1}));
    EXPECT_TRUE(latent::selectInLasso(pts, view, {{0, 0}, {400, 0}}).empty());  // not a polygon
}

}  // namespace
