#include "latent/core/KnnGraph.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <set>

#include "RandomData.h"
#include "latent/core/Error.h"

namespace {

TEST(KnnGraph, ExactGraphMatchesAHandCheckedLine) {
    latent::LatentBatch line(5, 1);
    line.values = {0, 1, 3, 7, 15};
    const auto g = latent::exactKnnGraph(line, 2);
    EXPECT_EQ(g.neighbours(0)[0], 1u);
    EXPECT_EQ(g.neighbours(0)[1], 2u);
    EXPECT_FLOAT_EQ(g.neighbourDistances(0)[1], 3.0f);
    EXPECT_EQ(g.neighbours(4)[0], 3u);
    EXPECT_FLOAT_EQ(g.neighbourDistances(4)[0], 8.0f);
    EXPECT_EQ(g.neighbours(2)[0], 1u);  // 3 -> 1 (distance 2) before 7 (distance 4)
}

TEST(KnnGraph, ThreadCountDoesNotChangeTheExactGraph) {
    const auto data = gaussianBatch(700, 8, 1);
    const auto one = latent::exactKnnGraph(data, 10, latent::Metric::Euclidean, 1);
    const auto two = latent::exactKnnGraph(data, 10, latent::Metric::Euclidean, 2);
    EXPECT_EQ(one.indices, two.indices);
    EXPECT_EQ(one.distances, two.distances);
}

TEST(KnnGraph, CosineIgnoresLength) {
    latent::LatentBatch data(4, 2);
    data.values = {1, 0, 10, 0.5f, 0, 3, -1, 0};
    const auto g = latent::exactKnnGraph(data, 1, latent::Metric::Cosine);
    EXPECT_EQ(g.neighbours(0)[0], 1u);  // same direction, ten times longer
    EXPECT_NEAR(g.neighbourDistances(3)[0], 1.0f, 1e-6);  // (-1,0) is orthogonal to (0,3)
}

TEST(KnnGraph, ApproximateGraphRecallsNearlyAllTrueNeighbours) {
    const auto data = gaussianBatch(6000, 16, 2);
    latent::KnnOptions options;
    options.threads = 2;
    const auto approx = latent::buildKnnGraph(data, 15, options);
    const auto exact = latent::exactKnnGraph(data, 15, latent::Metric::Euclidean, 2);
    std::size_t hits = 0;
    for (std::size_t i = 0; i < data.count; ++i) {
        const std::set<std::uint32_t> truth(exact.neighbours(i), exact.neighbours(i) + 15);
        for (std::size_t m = 0; m < 15; ++m) {
            EXPECT_NE(approx.neighbours(i)[m], i);
            hits += truth.count(approx.neighbours(i)[m]);
            if (m > 0) {
                EXPECT_LE(approx.neighbourDistances(i)[m - 1], approx.neighbourDistances(i)[m]);
            }
        }
    }
    EXPECT_GT(static_cast<double>(hits) / (6000.0 * 15.0), 0.95);
}

TEST(KnnGraph, ReproducibleIndexGivesTheSameHnswGraphForAnyThreadCount) {
    const auto data = gaussianBatch(4500, 8, 3);  // above exactBelow: HNSW
    latent::KnnOptions options;
    options.reproducibleIndex = true;
    options.threads = 1;
    const auto one = latent::buildKnnGraph(data, 10, options);
    options.threads = 2;
    const auto two = latent::buildKnnGraph(data, 10, options);
    EXPECT_EQ(one.indices, two.indices);
    EXPECT_EQ(one.distances, two.distances);
}

TEST(KnnGraph, RefusesBadInputAndHonoursCancel) {
    auto data = gaussianBatch(50, 3, 3);
    EXPECT_THROW(latent::buildKnnGraph(data, 0), latent::Error);
    EXPECT_THROW(latent::buildKnnGraph(data, 50), latent::Error);
    data.values[7] = std::nanf("");
    EXPECT_THROW(latent::buildKnnGraph(data, 5), latent::Error);
    const auto big = gaussianBatch(6000, 4, 4);
    try {
        latent::buildKnnGraph(big, 5, {}, [](double, const std::string&) { return false; });
        FAIL() << "cancel ignored";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
}

}  // namespace
