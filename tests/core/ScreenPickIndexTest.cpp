#include "latent/core/ScreenPickIndex.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "ErrorChecks.h"
#include "RandomData.h"
#include "latent/core/Error.h"

namespace {

using Matrix = std::array<double, 16>;

Matrix multiply(const Matrix& a, const Matrix& b) {
    Matrix out{};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c)
            for (int k = 0; k < 4; ++k) out[r * 4 + c] += a[r * 4 + k] * b[k * 4 + c];
    return out;
}

// A camera at `eye` looking at `target` (y up), perspective with the given vertical field
// of view, or parallel with the given half height: the matrices a renderer reports.
Matrix camera(std::array<double, 3> eye, std::array<double, 3> target, double aspect,
              bool perspective, double fovOrHalfHeight) {
    std::array<double, 3> f{target[0] - eye[0], target[1] - eye[1], target[2] - eye[2]};
    const double fl = std::hypot(f[0], f[1], f[2]);
    for (double& v : f) v /= fl;
    std::array<double, 3> s{f[2], 0.0, -f[0]};  // f x (0, 1, 0)
    const double sl = std::hypot(s[0], s[2]);
    s[0] /= sl;
    s[2] /= sl;
    const std::array<double, 3> u{s[1] * f[2] - s[2] * f[1], s[2] * f[0] - s[0] * f[2],
                                  s[0] * f[1] - s[1] * f[0]};
    const auto dot = [&](const std::array<double, 3>& a) {
        return a[0] * eye[0] + a[1] * eye[1] + a[2] * eye[2];
    };
    const Matrix view{s[0], s[1], s[2], -dot(s), u[0], u[1], u[2], -dot(u),
                      -f[0], -f[1], -f[2], dot(f), 0, 0, 0, 1};
    const double n = 0.05, far = 100.0;
    Matrix proj{};
    if (perspective) {
        const double t = 1.0 / std::tan(fovOrHalfHeight / 2);
        proj = {t / aspect, 0, 0, 0, 0, t, 0, 0, 0, 0, -(far + n) / (far - n), -2 * far * n / (far - n),
                0, 0, -1, 0};
    } else {
        const double h = fovOrHalfHeight;
        proj = {1 / (h * aspect), 0, 0, 0, 0, 1 / h, 0, 0, 0, 0, -2 / (far - n), -(far + n) / (far - n),
                0, 0, 0, 1};
    }
    return multiply(proj, view);
}

// Random clicks (many near points, some anywhere) give the same answer both ways.
void expectSameAsBruteForce(const latent::LatentBatch& pts, const Matrix& view, unsigned seed) {
    const latent::ScreenPickIndex index(pts);
    const double width = 400, height = 300;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> anywhere(-50.0, 450.0), jitter(-3.0, 3.0);
    std::uniform_int_distribution<std::size_t> anyPoint(0, pts.count - 1);
    int hits = 0;
    for (int trial = 0; trial < 300; ++trial) {
        double x = anywhere(rng), y = anywhere(rng) * 0.75;
        if (trial % 2 == 0) {
            const auto row = pts.row(anyPoint(rng));
            const auto s = latent::worldToScreen(view, width, height,
                                                 {row[0], row[1], pts.dim > 2 ? row[2] : 0.0});
            x = s[0] + jitter(rng);
            y = s[1] + jitter(rng);
        }
        const double radius = trial % 7 == 0 ? 1e6 : 6.0;
        const auto expected = latent::pickNearestOnScreen(pts, view, width, height, x, y, radius);
        const auto got = index.pick(view, width, height, x, y, radius);
        ASSERT_EQ(got.has_value(), expected.has_value()) << "trial " << trial;
        if (got) {
            ++hits;
            EXPECT_EQ(got->index, expected->index) << "trial " << trial;
            EXPECT_DOUBLE_EQ(got->distancePixels, expected->distancePixels);
        }
    }
    EXPECT_GT(hits, 100);  // the comparison covered real picks, not only misses
}

TEST(ScreenPickIndex, PicksLikeBruteForceOnRandomTwoDimensionalMaps) {
    const auto pts = gaussianBatch(20000, 2, 11);
    expectSameAsBruteForce(pts, camera({0.3, -0.2, 10}, {0.3, -0.2, 0}, 4.0 / 3, false, 3.5), 1);
    // Zoomed in far on one cluster edge: most of the map is off screen.
    expectSameAsBruteForce(pts, camera({1.5, 1, 10}, {1.5, 1, 0}, 4.0 / 3, false, 0.2), 2);
}

TEST(ScreenPickIndex, PicksLikeBruteForceOnRandomThreeDimensionalMaps) {
    const auto pts = gaussianBatch(20000, 3, 12);
    expectSameAsBruteForce(pts, camera({4, 3, 6}, {0, 0, 0}, 4.0 / 3, true, 0.6), 3);
    expectSameAsBruteForce(pts, camera({-5, 2, -3}, {0, 0, 0}, 4.0 / 3, false, 3.0), 4);
    // The camera inside the cloud: points behind it and boxes reaching behind it.
    expectSameAsBruteForce(pts, camera({0.2, 0.1, 0.5}, {1, 0, -2}, 4.0 / 3, true, 1.2), 5);
}

TEST(ScreenPickIndex, OverlappingPointsPickTheLowestIndexLikeBruteForce) {
    latent::LatentBatch pts(100, 2);
    for (std::size_t i = 0; i < pts.count; ++i) pts.row(i)[0] = static_cast<float>(i % 10);
    const auto view = camera({5, 0, 10}, {5, 0, 0}, 1.0, false, 6.0);
    const latent::ScreenPickIndex index(pts);
    const auto s = latent::worldToScreen(view, 300, 300, {3, 0, 0});
    const auto hit = index.pick(view, 300, 300, s[0], s[1], 4.0);
    ASSERT_TRUE(hit.has_value());
    EXPECT_EQ(hit->index, 3u);
}

// Box and lasso selections through the index equal SelectionGeometry's brute force:
// boxes of many sizes (whole map, off screen, thin) and concave, random-star lassos.
void expectSameSelectionsAsBruteForce(const latent::LatentBatch& pts, const Matrix& camera,
                                      unsigned seed) {
    const latent::ScreenPickIndex index(pts);
    const latent::ScreenView view{camera, 400, 300};
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-50.0, 450.0);
    std::size_t selected = 0;
    for (int trial = 0; trial < 40; ++trial) {
        const latent::ScreenPoint a{u(rng), u(rng) * 0.75}, b{u(rng), u(rng) * 0.75};
        const auto expected = latent::selectInRectangle(pts, view, a, b);
        EXPECT_EQ(index.selectInRectangle(view, a, b), expected) << "box trial " << trial;
        selected += expected.size();
        // A star with random radii around a random centre: concave, sometimes off screen.
        std::vector<latent::ScreenPoint> lasso;
        std::uniform_real_distribution<double> radius(5.0, 200.0);
        for (int k = 0; k < 24; ++k) {
            const double angle = k * 2.0 * 3.14159265358979 / 24, r = radius(rng);
            lasso.push_back({a.x + r * std::cos(angle), a.y + r * std::sin(angle)});
        }
        const auto expectedLasso = latent::selectInLasso(pts, view, lasso);
        EXPECT_EQ(index.selectInLasso(view, lasso), expectedLasso) << "lasso trial " << trial;
        selected += expectedLasso.size();
    }
    const auto all = latent::selectInRectangle(pts, view, {-1e9, -1e9}, {1e9, 1e9});
    EXPECT_EQ(index.selectInRectangle(view, {1e9, 1e9}, {-1e9, -1e9}), all);
    EXPECT_GT(selected, pts.count);  // the comparison covered real selections
}

TEST(ScreenPickIndex, SelectsLikeBruteForceOnTwoAndThreeDimensionalMaps) {
    expectSameSelectionsAsBruteForce(gaussianBatch(20000, 2, 13),
                                     camera({0.3, -0.2, 10}, {0.3, -0.2, 0}, 4.0 / 3, false, 3.5), 6);
    const auto cloud = gaussianBatch(20000, 3, 14);
    expectSameSelectionsAsBruteForce(cloud, camera({4, 3, 6}, {0, 0, 0}, 4.0 / 3, true, 0.6), 7);
    // The camera inside the cloud: boxes reaching behind it are never pruned or taken whole.
    expectSameSelectionsAsBruteForce(cloud, camera({0.2, 0.1, 0.5}, {1, 0, -2}, 4.0 / 3, true, 1.2), 8);
}

TEST(ScreenPickIndex, EmptyMapPicksNothingAndBadInputIsRejected) {
    const latent::ScreenPickIndex empty(latent::LatentBatch(0, 2));
    EXPECT_FALSE(empty.pick(camera({0, 0, 5}, {0, 0, 0}, 1, false, 1), 10, 10, 5, 5, 100).has_value());
    const latent::ScreenView emptyView{camera({0, 0, 5}, {0, 0, 0}, 1, false, 1), 10, 10};
    EXPECT_TRUE(empty.selectInRectangle(emptyView, {0, 0}, {10, 10}).empty());
    EXPECT_TRUE(empty.selectInLasso(emptyView, {{0, 0}, {10, 0}, {5, 10}}).empty());
    expectError([] { latent::ScreenPickIndex bad(latent::LatentBatch(3, 1)); },
                latent::ErrorKind::InvalidArgument, "2 or 3 columns");
    latent::LatentBatch nan(2, 2);
    nan.values[1] = std::nanf("");
    expectError([&] { latent::ScreenPickIndex bad(nan); }, latent::ErrorKind::InvalidArgument, "NaN");
}

}  // namespace
