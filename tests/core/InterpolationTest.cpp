#include "latent/core/Interpolation.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <random>

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

// The case that blew up: one coordinate moved by 0.001 away from exactly opposite ends of
// different lengths took the midpoint's length from 5.6 to 46,841.
TEST(Interpolation, SphericalOfNearlyOppositeEndsOfDifferentLengthsStaysBetweenTheirLengths) {
    std::vector<float> a{1.0f, -2.0f, 0.5f, 3.0f}, b(4);
    for (std::size_t i = 0; i < a.size(); ++i) b[i] = -1.5f * a[i];
    b[0] += 0.001f;
    const double na = norm(a), nb = norm(b);
    for (double t : {0.25, 0.5, 0.75}) {
        const double length = norm(latent::interpolate(a, b, t, InterpolationMode::Spherical));
        EXPECT_NEAR(length, (1 - t) * na + t * nb, 1e-4) << "t = " << t;
    }
}

// Random pairs in 2 to 64 dimensions, a third of them nearly opposite and a third nearly
// equal in direction, with lengths from 0.1 to 10: the ends are returned, the length stays
// between the ends' lengths, and the path has no jumps (no step of a 200-step path is
// longer than the whole path allows).
TEST(Interpolation, SphericalPathsOfRandomPairsKeepTheirProperties) {
    std::mt19937 rng(11);
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<float> scale(0.1f, 10.0f);
    std::uniform_int_distribution<std::size_t> dims(2, 64);
    for (int pair = 0; pair < 300; ++pair) {
        const std::size_t d = dims(rng);
        std::vector<float> a(d), b(d);
        for (float& v : a) v = normal(rng);
        const float lengthRatio = scale(rng) / scale(rng);
        const float closeness = std::pow(10.0f, -static_cast<float>(pair % 7));  // 1 down to 1e-6
        for (std::size_t i = 0; i < d; ++i) {
            const float base = pair % 3 == 0 ? -a[i] : pair % 3 == 1 ? a[i] : normal(rng);
            b[i] = lengthRatio * (base + (pair % 3 == 2 ? 0.0f : closeness * normal(rng)));
        }
        const double na = norm(a), nb = norm(b);
        SCOPED_TRACE("pair " + std::to_string(pair) + ", d = " + std::to_string(d));
        const auto start = latent::interpolate(a, b, 0.0, InterpolationMode::Spherical);
        const auto end = latent::interpolate(a, b, 1.0, InterpolationMode::Spherical);
        for (std::size_t i = 0; i < d; ++i) {
            ASSERT_NEAR(start[i], a[i], 1e-5 * na);
            ASSERT_NEAR(end[i], b[i], 1e-5 * nb);
        }
        const std::size_t steps = 200;
        const auto path = latent::interpolationPath(a, b, steps, InterpolationMode::Spherical);
        // A half turn at the longer length plus the change of length bounds the path.
        const double longest = (std::numbers::pi * std::max(na, nb) + std::abs(na - nb)) / (steps - 1);
        for (std::size_t s = 0; s < steps; ++s) {
            const auto row = path.row(s);
            const std::vector<float> z(row.begin(), row.end());
            const double length = norm(z);
            ASSERT_GE(length, std::min(na, nb) * (1 - 1e-5)) << "step " << s;
            ASSERT_LE(length, std::max(na, nb) * (1 + 1e-5)) << "step " << s;
            if (s == 0) continue;
            double step = 0.0;
            for (std::size_t i = 0; i < d; ++i) step += std::pow(row[i] - path.row(s - 1)[i], 2.0);
            ASSERT_LE(std::sqrt(step), longest * 1.001 + 1e-6) << "step " << s;
        }
    }
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
