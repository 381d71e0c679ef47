#include "latent/core/NeighbourIndex.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "RandomData.h"
#include "latent/core/Error.h"

namespace {

std::vector<std::uint32_t> bruteForce(const latent::LatentBatch& data, const std::vector<float>& q, std::size_t k) {
    std::vector<std::pair<double, std::uint32_t>> all;
    for (std::size_t i = 0; i < data.count; ++i) {
        double d = 0.0;
        for (std::size_t j = 0; j < data.dim; ++j) d += std::pow(data.row(i)[j] - q[j], 2);
        all.emplace_back(d, static_cast<std::uint32_t>(i));
    }
    std::sort(all.begin(), all.end());
    std::vector<std::uint32_t> out;
    for (std::size_t m = 0; m < k; ++m) out.push_back(all[m].second);
    return out;
}

TEST(NeighbourIndex, ExactIndexEqualsBruteForceWithTrueDistances) {
    const auto data = gaussianBatch(800, 16, 1);
    const auto index = latent::NeighbourIndex::build(data);
    EXPECT_TRUE(index.isExact());
    const auto queries = gaussianBatch(20, 16, 2);
    for (std::size_t q = 0; q < queries.count; ++q) {
        const std::vector<float> query(queries.row(q).begin(), queries.row(q).end());
        const auto found = index.nearest(query, 10);
        const auto expected = bruteForce(data, query, 10);
        ASSERT_EQ(found.size(), 10u);
        for (std::size_t m = 0; m < 10; ++m) {
            EXPECT_EQ(found[m].index, expected[m]);
            double d = 0.0;
            for (std::size_t j = 0; j < 16; ++j) d += std::pow(data.row(found[m].index)[j] - query[j], 2);
            EXPECT_NEAR(found[m].distance, std::sqrt(d), 1e-4);
        }
    }
}

TEST(NeighbourIndex, HnswIndexFindsAlmostAllTrueNeighboursOfNewQueries) {
    const auto data = gaussianBatch(8000, 16, 3);
    latent::KnnOptions options;
    options.threads = 2;
    const auto index = latent::NeighbourIndex::build(data, options);
    EXPECT_FALSE(index.isExact());
    const auto queries = gaussianBatch(200, 16, 4);
    std::size_t hits = 0;
    for (std::size_t q = 0; q < queries.count; ++q) {
        const std::vector<float> query(queries.row(q).begin(), queries.row(q).end());
        const auto truth = bruteForce(data, query, 10);
        const std::set<std::uint32_t> truthSet(truth.begin(), truth.end());
        for (const auto& n : index.nearest(query, 10)) hits += truthSet.count(n.index);
    }
    EXPECT_GT(static_cast<double>(hits) / 2000.0, 0.95);
}

TEST(NeighbourIndex, ExcludeLeavesThePointItselfOut) {
    const auto data = gaussianBatch(300, 4, 5);
    const auto index = latent::NeighbourIndex::build(data);
    const std::vector<float> self(data.row(17).begin(), data.row(17).end());
    EXPECT_EQ(index.nearest(self, 1).front().index, 17u);
    const auto others = index.nearest(self, 5, 17);
    for (const auto& n : others) EXPECT_NE(n.index, 17u);
    EXPECT_EQ(index.nearest(self, 1000).size(), 300u);  // capped at the size of the index
    EXPECT_EQ(index.nearest(self, 1000, 17).size(), 299u);
}

TEST(NeighbourIndex, CosineRanksByAngle) {
    latent::LatentBatch data(3, 2);
    data.values = {10, 1, 0, 1, -1, 0.1f};
    latent::KnnOptions cosine;
    cosine.metric = latent::Metric::Cosine;
    const auto index = latent::NeighbourIndex::build(data, cosine);
    const auto found = index.nearest(std::vector<float>{1, 0}, 3);
    EXPECT_EQ(found[0].index, 0u);
    EXPECT_EQ(found[2].index, 2u);
    EXPECT_NEAR(found[1].distance, 1.0f, 1e-6);
}

TEST(NeighbourIndex, RefusesBadInput) {
    EXPECT_THROW(latent::NeighbourIndex::build(latent::LatentBatch(0, 3)), latent::Error);
    auto data = gaussianBatch(10, 3, 6);
    data.values[4] = INFINITY;
    EXPECT_THROW(latent::NeighbourIndex::build(data), latent::Error);
    const auto index = latent::NeighbourIndex::build(gaussianBatch(10, 3, 7));
    EXPECT_THROW(index.nearest(std::vector<float>{1, 2}, 3), latent::Error);
}

}  // namespace
