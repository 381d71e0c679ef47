#include "latent/core/Pca.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "latent/core/Error.h"

namespace {

TEST(SymmetricEigen, KnownTwoByTwo) {
    std::vector<double> vectors;
    const auto values = latent::symmetricEigen({2, 1, 1, 2}, 2, vectors);
    EXPECT_NEAR(values[0], 3.0, 1e-12);
    EXPECT_NEAR(values[1], 1.0, 1e-12);
    const double h = 1.0 / std::sqrt(2.0);
    EXPECT_NEAR(vectors[0], h, 1e-12);
    EXPECT_NEAR(vectors[1], h, 1e-12);
    EXPECT_NEAR(std::abs(vectors[2]), h, 1e-12);
    EXPECT_NEAR(vectors[2] + vectors[3], 0.0, 1e-12);
}

TEST(SymmetricEigen, DiagonalisesARandomSymmetricMatrix) {
    const std::size_t n = 12;
    std::mt19937 rng(7);
    std::normal_distribution<double> normal;
    std::vector<double> a(n * n);
    for (std::size_t r = 0; r < n; ++r)
        for (std::size_t c = r; c < n; ++c) a[r * n + c] = a[c * n + r] = normal(rng);
    std::vector<double> v;
    const auto values = latent::symmetricEigen(a, n, v);
    for (std::size_t k = 0; k < n; ++k) {
        if (k > 0) {
            EXPECT_GE(values[k - 1], values[k]);
        }
        for (std::size_t r = 0; r < n; ++r) {  // A v_k = lambda_k v_k
            double av = 0.0;
            for (std::size_t c = 0; c < n; ++c) av += a[r * n + c] * v[k * n + c];
            EXPECT_NEAR(av, values[k] * v[k * n + r], 1e-9);
        }
    }
}

// Four points (+-3, 0), (0, +-1) in a plane rotated into 3-D: variances 6 and 2/3 along
// known directions, nothing along the normal.
latent::LatentBatch rotatedCross(std::array<double, 3>& u, std::array<double, 3>& w) {
    u = {std::cos(0.5), std::sin(0.5), 0.0};
    w = {0.0, 0.0, 1.0};
    const double pts[4][2] = {{3, 0}, {-3, 0}, {0, 1}, {0, -1}};
    latent::LatentBatch data(4, 3);
    for (std::size_t i = 0; i < 4; ++i)
        for (std::size_t j = 0; j < 3; ++j)
            data.row(i)[j] = static_cast<float>(pts[i][0] * u[j] + pts[i][1] * w[j] + 10.0);
    return data;
}

TEST(Pca, KnownAnswerVariancesAxesAndCoordinates) {
    std::array<double, 3> u{}, w{};
    const auto data = rotatedCross(u, w);
    const auto pca = latent::Pca::fit(data, 2);
    ASSERT_EQ(pca.components(), 2u);
    EXPECT_NEAR(pca.explainedVariance()[0], 6.0, 1e-5);
    EXPECT_NEAR(pca.explainedVariance()[1], 2.0 / 3.0, 1e-5);
    EXPECT_NEAR(pca.explainedVarianceRatio()[0], 6.0 / (6.0 + 2.0 / 3.0), 1e-6);
    for (double m : pca.mean()) EXPECT_NEAR(m, 10.0, 1e-5);
    for (std::size_t j = 0; j < 3; ++j) {
        EXPECT_NEAR(pca.axis(0)[j], u[j], 1e-5);  // sign fixed: largest component positive
        EXPECT_NEAR(pca.axis(1)[j], w[j], 1e-5);
    }
    const auto coords = pca.transform(data);
    EXPECT_NEAR(coords.row(0)[0], 3.0, 1e-4);
    EXPECT_NEAR(coords.row(0)[1], 0.0, 1e-4);
    EXPECT_NEAR(coords.row(3)[1], -1.0, 1e-4);
}

TEST(Pca, InverseRecoversPointsOnThePlane) {
    std::array<double, 3> u{}, w{};
    const auto data = rotatedCross(u, w);
    const auto pca = latent::Pca::fit(data, 2);
    for (std::size_t i = 0; i < data.count; ++i) {
        const auto back = pca.inverse(pca.transform(data.row(i)));
        for (std::size_t j = 0; j < 3; ++j) EXPECT_NEAR(back[j], data.row(i)[j], 1e-4);
    }
}

TEST(Pca, InverseIsExactRightInverseOfTheProjection) {
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    latent::LatentBatch data(500, 16);
    for (std::size_t i = 0; i < data.count; ++i)
        for (std::size_t j = 0; j < 16; ++j) data.row(i)[j] = normal(rng) * static_cast<float>(j + 1);
    for (std::size_t k : {2u, 3u}) {
        const auto pca = latent::Pca::fit(data, k);
        const std::vector<float> coords = k == 2 ? std::vector<float>{1.5f, -7.0f}
                                                 : std::vector<float>{1.5f, -7.0f, 2.25f};
        const auto latent = pca.inverse(coords);
        ASSERT_EQ(latent.size(), 16u);
        const auto again = pca.transform(latent);
        for (std::size_t c = 0; c < k; ++c) EXPECT_NEAR(again[c], coords[c], 1e-4);
        // The dropped components sit at the mean: latent - mean lies in the kept plane.
        double residual = 0.0, norm = 0.0;
        for (std::size_t j = 0; j < 16; ++j) {
            double inPlane = 0.0;
            for (std::size_t c = 0; c < k; ++c) inPlane += coords[c] * pca.axis(c)[j];
            const double d = latent[j] - pca.mean()[j];
            residual += (d - inPlane) * (d - inPlane);
            norm += d * d;
        }
        EXPECT_LT(residual, 1e-8 * (1.0 + norm));
    }
}

TEST(Pca, LargestVarianceAxisComesFirst) {
    std::mt19937 rng(11);
    std::normal_distribution<float> normal;
    latent::LatentBatch data(2000, 4);
    for (std::size_t i = 0; i < data.count; ++i) {
        data.row(i)[0] = normal(rng);
        data.row(i)[1] = 0.1f * normal(rng);
        data.row(i)[2] = 5.0f * normal(rng);
        data.row(i)[3] = normal(rng) * 2.0f;
    }
    const auto pca = latent::Pca::fit(data, 2);
    EXPECT_GT(std::abs(pca.axis(0)[2]), 0.99);
    EXPECT_GT(std::abs(pca.axis(1)[3]), 0.99);
    EXPECT_NEAR(pca.explainedVariance()[0], 25.0, 2.0);
}

TEST(Pca, RejectsBadInput) {
    latent::LatentBatch one(1, 4);
    EXPECT_THROW(latent::Pca::fit(one, 2), latent::Error);
    latent::LatentBatch data(10, 4);
    EXPECT_THROW(latent::Pca::fit(data, 0), latent::Error);
    EXPECT_THROW(latent::Pca::fit(data, 5), latent::Error);
    data.values[3] = std::nanf("");
    try {
        latent::Pca::fit(data, 2);
        FAIL() << "NaN input accepted";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
    }
    data.values[3] = 0.0f;
    const auto pca = latent::Pca::fit(data, 2);
    EXPECT_THROW(pca.inverse(std::vector<float>{1.0f}), latent::Error);
    EXPECT_THROW(pca.transform(std::vector<float>{1.0f, 2.0f}), latent::Error);
}

}  // namespace
