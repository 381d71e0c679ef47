#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "latent/core/Error.h"
#include "latent/core/Pca.h"

namespace {

// N x D data of rank 6 (column scales 10, 7, 5, 3, 2, 1.5 along random orthonormal
// directions, plus an offset) with small isotropic noise: a known, well-separated spectrum.
latent::LatentBatch lowRankPlusNoise(std::size_t n, std::size_t d, float noise, unsigned seed) {
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    const std::vector<float> scales = {10, 7, 5, 3, 2, 1.5f};
    std::vector<std::vector<float>> dirs;
    for (std::size_t r = 0; r < scales.size(); ++r) {
        std::vector<float> v(d);
        for (float& x : v) x = normal(rng);
        for (const auto& u : dirs) {  // Gram-Schmidt against the earlier directions
            float dot = 0;
            for (std::size_t j = 0; j < d; ++j) dot += v[j] * u[j];
            for (std::size_t j = 0; j < d; ++j) v[j] -= dot * u[j];
        }
        float norm = 0;
        for (float x : v) norm += x * x;
        for (float& x : v) x /= std::sqrt(norm);
        dirs.push_back(v);
    }
    latent::LatentBatch data(n, d);
    for (std::size_t i = 0; i < n; ++i) {
        auto row = data.row(i);
        for (std::size_t j = 0; j < d; ++j) row[j] = 3.0f + noise * normal(rng);
        for (std::size_t r = 0; r < scales.size(); ++r) {
            const float c = scales[r] * normal(rng);
            for (std::size_t j = 0; j < d; ++j) row[j] += c * dirs[r][j];
        }
    }
    return data;
}

latent::Pca fitWith(const latent::LatentBatch& data, std::size_t k, latent::PcaSolver solver,
                    int threads = 1) {
    latent::PcaOptions options;
    options.solver = solver;
    options.threads = threads;
    return latent::Pca::fit(data, k, options);
}

// Cosines of the principal angles between the spans of the axes of a and b: the singular
// values of A B^T (k x k), from the eigenvalues of (A B^T)(A B^T)^T.
std::vector<double> principalAngleCosines(const latent::Pca& a, const latent::Pca& b) {
    const std::size_t k = a.components();
    std::vector<double> m(k * k, 0.0);
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c)
            for (std::size_t j = 0; j < a.inputDim(); ++j) m[r * k + c] += a.axis(r)[j] * b.axis(c)[j];
    std::vector<double> mmt(k * k, 0.0);
    for (std::size_t r = 0; r < k; ++r)
        for (std::size_t c = 0; c < k; ++c)
            for (std::size_t t = 0; t < k; ++t) mmt[r * k + c] += m[r * k + t] * m[c * k + t];
    std::vector<double> vectors;
    auto values = latent::symmetricEigen(mmt, k, vectors);
    for (double& v : values) v = std::sqrt(std::max(0.0, v));
    return values;
}

TEST(RandomizedPca, AgreesWithExactOnVarianceAndSubspace) {
    const auto data = lowRankPlusNoise(3000, 200, 0.05f, 1);
    for (std::size_t k : {2u, 3u}) {
        const auto exact = fitWith(data, k, latent::PcaSolver::Exact);
        const auto fast = fitWith(data, k, latent::PcaSolver::Randomized);
        EXPECT_FALSE(exact.randomized());
        EXPECT_TRUE(fast.randomized());
        for (std::size_t c = 0; c < k; ++c) {
            EXPECT_NEAR(fast.explainedVariance()[c] / exact.explainedVariance()[c], 1.0, 1e-4);
            EXPECT_NEAR(fast.explainedVarianceRatio()[c], exact.explainedVarianceRatio()[c], 1e-5);
            // Each axis matches up to float rounding (same sign convention).
            for (std::size_t j = 0; j < data.dim; ++j) EXPECT_NEAR(fast.axis(c)[j], exact.axis(c)[j], 1e-3);
        }
        for (double cosine : principalAngleCosines(fast, exact)) EXPECT_GT(cosine, 1.0 - 1e-6);
        for (std::size_t j = 0; j < data.dim; ++j) EXPECT_NEAR(fast.mean()[j], exact.mean()[j], 1e-9);
    }
}

TEST(RandomizedPca, AutoPicksRandomizedOnlyForWideData) {
    EXPECT_TRUE(latent::Pca::prefersRandomized(784, 3, 10));
    EXPECT_FALSE(latent::Pca::prefersRandomized(64, 3, 10));
    EXPECT_FALSE(latent::Pca::prefersRandomized(16, 2, 10));
    EXPECT_TRUE(fitWith(lowRankPlusNoise(300, 120, 0.1f, 2), 3, latent::PcaSolver::Auto).randomized());
    EXPECT_FALSE(fitWith(lowRankPlusNoise(300, 16, 0.1f, 2), 3, latent::PcaSolver::Auto).randomized());
}

TEST(RandomizedPca, DeterministicForASeedAndCloseAcrossThreadCounts) {
    const auto data = lowRankPlusNoise(1001, 150, 0.2f, 3);
    const auto one = fitWith(data, 3, latent::PcaSolver::Randomized, 1);
    const auto again = fitWith(data, 3, latent::PcaSolver::Randomized, 1);
    const auto two = fitWith(data, 3, latent::PcaSolver::Randomized, 2);
    for (std::size_t c = 0; c < 3; ++c) {
        EXPECT_EQ(one.explainedVariance()[c], again.explainedVariance()[c]);
        EXPECT_NEAR(two.explainedVariance()[c] / one.explainedVariance()[c], 1.0, 1e-6);
        for (std::size_t j = 0; j < data.dim; ++j) {
            EXPECT_EQ(one.axis(c)[j], again.axis(c)[j]);
            EXPECT_NEAR(two.axis(c)[j], one.axis(c)[j], 1e-5);
        }
    }
    const auto exactOne = fitWith(data, 3, latent::PcaSolver::Exact, 1);
    const auto exactTwo = fitWith(data, 3, latent::PcaSolver::Exact, 2);
    for (std::size_t c = 0; c < 3; ++c) {
        EXPECT_NEAR(exactTwo.explainedVariance()[c], exactOne.explainedVariance()[c],
                    1e-9 * exactOne.explainedVariance()[c]);
    }
}

TEST(RandomizedPca, HandlesDataOfLowerRankThanTheSketch) {
    auto data = lowRankPlusNoise(400, 100, 0.0f, 4);  // rank 6 < sketch width 16
    const auto pca = fitWith(data, 3, latent::PcaSolver::Randomized);
    const auto exact = fitWith(data, 3, latent::PcaSolver::Exact);
    for (std::size_t c = 0; c < 3; ++c) {
        EXPECT_NEAR(pca.explainedVariance()[c] / exact.explainedVariance()[c], 1.0, 1e-4);
    }
    // The transform and its inverse still round-trip on the kept plane.
    const auto coords = pca.transform(data.row(7));
    const auto back = pca.transform(pca.inverse(coords));
    for (std::size_t c = 0; c < 3; ++c) EXPECT_NEAR(back[c], coords[c], 1e-3);
}

TEST(RandomizedPca, BatchTransformMatchesPointTransformOnAnyThreadCount) {
    const auto data = lowRankPlusNoise(257, 90, 0.1f, 5);
    const auto pca = fitWith(data, 3, latent::PcaSolver::Auto, 2);
    const auto batch = pca.transform(data, 3);
    for (std::size_t i = 0; i < data.count; ++i) {
        const auto p = pca.transform(data.row(i));
        for (std::size_t c = 0; c < 3; ++c) EXPECT_FLOAT_EQ(batch.row(i)[c], p[c]);
    }
}

TEST(RandomizedPca, CancelsBetweenPasses) {
    const auto data = lowRankPlusNoise(300, 100, 0.1f, 6);
    int calls = 0;
    try {
        latent::Pca::fit(data, 3, {latent::PcaSolver::Randomized}, [&](double, const std::string&) {
            return ++calls < 2;
        });
        FAIL() << "not cancelled";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 2);
}

}  // namespace
