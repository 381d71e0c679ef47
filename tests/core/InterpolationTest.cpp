#include "latent/core/Interpolation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numbers>

#include "latent/core/Error.h"

namespace {

using latent::InterpolationMode;

double norm(const std::vector<float>& v) {
    double s = 0.0;
    for (float x : v) s += static_cast<double>(x) * x;
    return std::sqrt(s);
}

TEST(Interpolation, LinearHitsEndsMidpointAndExtrapolates) {
    const std::vector<float> a{0, 2, -4}, b{2, 2, 4};
    EXPECT_EQ(latent::interpolate(a, b, 0.0, InterpolationMode::Linear), a);
    EXPECT_EQ(latent::interpolate(a, b, 1.0, InterpolationMode::Linear), b);
    EXPECT_EQ(latent::interpolate(a, b, 0.5, InterpolationMode::Linear), (std::vector<float>{1, 2, 0}));
    EXPECT_EQ(latent::interpolate(a, b, 1.5, InterpolationMode::Linear), (std::vector<float>{3, 2, 8}));
}

TEST(Interpolation, SphericalFollowsTheArcBetweenOrthogonalUnitVectors) {
    const std::vector<float> a{1, 0}, b{0, 1};
    const auto mid = latent::interpolate(a, b, 0.5, InterpolationMode::Spherical);
    EXPECT_NEAR(mid[0], std::sqrt(0.5), 1e-6);
    EXPECT_NEAR(mid[1], std::sqrt(0.5), 1e-6);
    EXPECT_NEAR(norm(mid), 1.0, 1e-6);  // stays on the circle; linear would have length 0.707
    const auto quarter = latent::interpolate(a, b, 1.0 / 3.0, InterpolationMode::Spherical);
    EXPECT_NEAR(std::atan2(quarter[1], quarter[0]), std::numbers::pi / 6.0, 1e-6);
    const auto end = latent::interpolate(a, b, 1.0, InterpolationMode::Spherical);
    EXPECT_NEAR(end[0], 0.0, 1e-6);
    EXPECT_NEAR(end[1], 1.0, 1e-6);
}

TEST(Interpolation, SphericalOfIdenticalVectorsStaysPut) {
    const std::vector<float> a{0.3f, -1.2f, 2.0f};
    for (double t : {0.0, 0.25, 0.5, 1.0, 1.5}) {
        const auto z = latent::interpolate(a, a, t, InterpolationMode::Spherical);
        for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(z[i], a[i], 1e-6);
    }
    const std::vector<float> twice{0.6f, -2.4f, 4.0f};  // same direction, longer: the segment
    const auto mid = latent::interpolate(a, twice, 0.5, InterpolationMode::Spherical);
    for (std::size_t i = 0; i < a.size(); ++i) EXPECT_NEAR(mid[i], 1.5f * a[i], 1e-5);
}

TEST(Interpolation, SphericalOfOppositeVectorsIsDefinedAndAvoidsTheOrigin) {
    const std::vector<float> a{1, 2, 3}, b{-2, -4, -6};
    const double na = norm(a), nb = norm(b);
    for (double t : {0.0, 0.25, 0.5, 0.75, 1.0}) {
        const auto z = latent::interpolate(a, b, t, InterpolationMode::Spherical);
        for (float v : z) ASSERT_TRUE(std::isfinite(v));
        EXPECT_NEAR(norm(z), (1 - t) * na + t * nb, 1e-4);  // length interpolates linearly
    }
    const auto end = latent::interpolate(a, b, 1.0, InterpolationMode::Spherical);
    for (std::size_t i = 0; i < 3; ++i) EXPECT_NEAR(end[i], b[i], 1e-5);
    // Deterministic: the same call gives the same path.
    EXPECT_EQ(latent::interpolate(a, b, 0.4, InterpolationMode::Spherical),
              latent::interpolate(a, b, 0.4, InterpolationMode::Spherical));
}

TEST(Interpolation, ZeroVectorFallsBackToLinear) {
    const std::vector<float> zero{0, 0}, b{2, 4};
    EXPECT_EQ(latent::interpolate(zero, b, 0.5, InterpolationMode::Spherical), (std::vector<float>{1, 2}));
}

TEST(Interpolation, PathHasEvenlySpacedFramesIncludingEnds) {
    const std::vector<float> a{0, 0}, b{10, -10};
    const auto path = latent::interpolationPath(a, b, 11, InterpolationMode::Linear);
    ASSERT_EQ(path.count, 11u);
    EXPECT_FLOAT_EQ(path.row(3)[0], 3.0f);
    EXPECT_FLOAT_EQ(path.row(10)[1], -10.0f);
    const auto extended = latent::interpolationPath(a, b, 4, InterpolationMode::Linear, 0.0, 1.5);
    EXPECT_FLOAT_EQ(extended.row(3)[0], 15.0f);
    EXPECT_THROW(latent::interpolationPath(a, b, 1, InterpolationMode::Linear), latent::Error);
    EXPECT_THROW(latent::interpolate(a, std::vector<float>{1}, 0.5, InterpolationMode::Linear), latent::Error);
}

}  // namespace
