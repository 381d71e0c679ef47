#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

#include "EncodedFashionMnist.h"
#include "ErrorChecks.h"
#include "ManifoldData.h"
#include "NeighbourLists.h"
#include "NnDescent.h"
#include "RandomData.h"
#include "RandomProjectionTree.h"

namespace {

using latent::detail::nnDescentKnnGraph;
using latent::detail::NnDescentOptions;

double recall(const latent::KnnGraph& approx, const latent::KnnGraph& exact) {
    std::size_t hits = 0;
    for (std::size_t i = 0; i < exact.count; ++i) {
        const std::set<std::uint32_t> truth(exact.neighbours(i), exact.neighbours(i) + exact.k);
        for (std::size_t m = 0; m < approx.k; ++m) hits += truth.count(approx.neighbours(i)[m]);
    }
    return static_cast<double>(hits) / static_cast<double>(exact.count * exact.k);
}

// Every list: no self, no repeats, ascending, and each distance is the pair's true distance.
void expectWellFormed(const latent::LatentBatch& data, const latent::KnnGraph& g,
                      latent::Metric metric) {
    for (std::size_t i = 0; i < g.count; ++i) {
        std::set<std::uint32_t> seen;
        for (std::size_t m = 0; m < g.k; ++m) {
            const std::uint32_t j = g.neighbours(i)[m];
            ASSERT_LT(j, g.count);
            EXPECT_NE(j, i);
            EXPECT_TRUE(seen.insert(j).second) << "row " << i << " lists " << j << " twice";
            if (m > 0) {
                EXPECT_LE(g.neighbourDistances(i)[m - 1], g.neighbourDistances(i)[m]);
            }
            double dot = 0, na = 0, nb = 0, d2 = 0;
            for (std::size_t c = 0; c < data.dim; ++c) {
                const double a = data.row(i)[c], b = data.row(j)[c];
                dot += a * b, na += a * a, nb += b * b, d2 += (a - b) * (a - b);
            }
            const double expected = metric == latent::Metric::Euclidean
                                        ? std::sqrt(d2)
                                        : 1.0 - dot / std::sqrt(na * nb);
            EXPECT_NEAR(g.neighbourDistances(i)[m], expected, 1e-4 * (1.0 + expected));
        }
    }
}

// NN-descent's graph of `data` on 2 threads, checked well formed; returns its recall.
double checkedRecall(const latent::LatentBatch& data, std::size_t k,
                     latent::Metric metric = latent::Metric::Euclidean) {
    NnDescentOptions options;
    options.metric = metric;
    options.threads = 2;
    const auto g = nnDescentKnnGraph(data, k, options);
    expectWellFormed(data, g, metric);
    return recall(g, latent::exactKnnGraph(data, k, metric, 2));
}

TEST(NnDescent, FindsTheTrueNeighboursOfClusteredData) {
    // Measured 0.9941 (seed 42).
    EXPECT_GT(checkedRecall(testdata::gaussianClusters(8, 750, 16, 6.0, 3).points, 15), 0.985);
}

TEST(NnDescent, FindsTheTrueNeighboursOfEncodedImages) {
    // Measured 0.9981 (seed 42).
    EXPECT_GT(checkedRecall(testdata::encodedFashionMnist(3000), 14), 0.99);
}

TEST(NnDescent, StructurelessDataStillGivesAGoodGraph) {
    // Isotropic 16-d noise has no neighbourhoods to descend through: the hardest case.
    // Measured 0.9437 (seed 42).
    EXPECT_GT(checkedRecall(gaussianBatch(5000, 16, 4), 10), 0.93);
}

TEST(NnDescent, CosineGraphUsesAngles) {
    auto data = testdata::gaussianClusters(6, 600, 12, 5.0, 5).points;
    // Scale every row by a different length: the cosine neighbours must not change.
    std::mt19937 rng(6);
    std::uniform_real_distribution<float> length(0.1f, 10.0f);
    for (std::size_t i = 0; i < data.count; ++i) {
        const float s = length(rng);
        for (float& v : data.row(i)) v *= s;
    }
    // Measured 0.9954 (seed 42).
    EXPECT_GT(checkedRecall(data, 12, latent::Metric::Cosine), 0.985);
}

TEST(NnDescent, SameGraphForAnyThreadCount) {
    const auto data = testdata::gaussianClusters(5, 1000, 10, 4.0, 7).points;
    NnDescentOptions options;
    options.seed = 11;
    const auto one = nnDescentKnnGraph(data, 15, options);
    for (int threads : {2, 3}) {
        options.threads = threads;
        const auto many = nnDescentKnnGraph(data, 15, options);
        EXPECT_EQ(one.indices, many.indices) << threads << " threads";
        EXPECT_EQ(one.distances, many.distances) << threads << " threads";
    }
}

TEST(NnDescent, DuplicatePointsGetDistinctNeighboursAtDistanceZero) {
    // 40 copies of each of 100 points: every point's 15 nearest are copies of itself.
    const auto base = gaussianBatch(100, 6, 8);
    latent::LatentBatch data(4000, 6);
    for (std::size_t i = 0; i < data.count; ++i)
        std::ranges::copy(base.row(i % 100), data.row(i).begin());
    NnDescentOptions options;
    options.threads = 2;
    const auto g = nnDescentKnnGraph(data, 15, options);
    expectWellFormed(data, g, latent::Metric::Euclidean);
    for (std::size_t i = 0; i < data.count; ++i)
        EXPECT_EQ(g.neighbourDistances(i)[14], 0.0f) << "row " << i;
}

TEST(NnDescent, RefusesBadInputWithAMessage) {
    auto data = gaussianBatch(50, 4, 9);
    expectError([&] { nnDescentKnnGraph(data, 50, {}); }, latent::ErrorKind::InvalidArgument,
                "1 <= k < 50");
    expectError([&] { nnDescentKnnGraph(data, 0, {}); }, latent::ErrorKind::InvalidArgument,
                "k = 0");
    data.values[17] = std::nanf("");
    expectError([&] { nnDescentKnnGraph(data, 5, {}); }, latent::ErrorKind::InvalidArgument, "NaN");
}

TEST(NnDescent, StopsWhenCancelled) {
    const auto data = gaussianBatch(3000, 8, 10);
    int calls = 0;
    expectError(
        [&] {
            nnDescentKnnGraph(data, 10, {},
                              [&](double, const std::string&) { return ++calls < 2; });
        },
        latent::ErrorKind::Cancelled, "cancelled");
    EXPECT_EQ(calls, 2);
}

TEST(NnDescent, KnnOptionsSelectIt) {
    const auto data = testdata::gaussianClusters(4, 1500, 8, 5.0, 12).points;
    latent::KnnOptions options;
    options.nnDescent = true;
    options.threads = 2;
    NnDescentOptions direct;
    direct.threads = 2;
    EXPECT_EQ(latent::buildKnnGraph(data, 10, options).indices,
              nnDescentKnnGraph(data, 10, direct).indices);
}

TEST(RandomProjectionTree, LeavesPartitionThePointsAndAreSmall) {
    const auto data = gaussianBatch(5000, 8, 13);
    const auto leaves = latent::detail::randomProjectionLeaves(data, 30, 5);
    EXPECT_EQ(leaves.starts.front(), 0u);
    EXPECT_EQ(leaves.starts.back(), data.count);
    for (std::size_t l = 0; l < leaves.leafCount(); ++l) {
        EXPECT_LT(leaves.starts[l], leaves.starts[l + 1]);
        EXPECT_LE(leaves.starts[l + 1] - leaves.starts[l], 30u);
    }
    std::vector<std::uint32_t> sorted = leaves.points;
    std::ranges::sort(sorted);
    for (std::uint32_t i = 0; i < data.count; ++i) ASSERT_EQ(sorted[i], i);
    EXPECT_EQ(leaves.points, latent::detail::randomProjectionLeaves(data, 30, 5).points);
    EXPECT_NE(leaves.points, latent::detail::randomProjectionLeaves(data, 30, 6).points);
}

TEST(RandomProjectionTree, LeavesHoldNearbyPoints) {
    // Two far-apart clusters never share a leaf.
    const auto clusters = testdata::gaussianClusters(2, 500, 4, 50.0, 14);
    const auto leaves = latent::detail::randomProjectionLeaves(clusters.points, 20, 1);
    for (std::size_t l = 0; l < leaves.leafCount(); ++l) {
        const int label = clusters.labels[leaves.points[leaves.starts[l]]];
        for (std::size_t s = leaves.starts[l]; s < leaves.starts[l + 1]; ++s)
            EXPECT_EQ(clusters.labels[leaves.points[s]], label);
    }
}

TEST(NeighbourLists, OffersInAnyOrderGiveTheSameLists) {
    std::mt19937 rng(15);
    std::uniform_int_distribution<std::uint32_t> id(1, 40);
    std::vector<std::pair<std::uint32_t, float>> offers;
    for (int n = 0; n < 300; ++n) {
        const std::uint32_t j = id(rng);
        // One distance per id, from few values: many ties between ids.
        offers.emplace_back(j, static_cast<float>((j * 7) % 21));
    }
    latent::detail::NeighbourLists forward(1, 8), backward(1, 8);
    for (const auto& [j, d] : offers) forward.offer(0, j, d);
    for (auto it = offers.rbegin(); it != offers.rend(); ++it)
        backward.offer(0, it->first, it->second);
    EXPECT_TRUE(std::equal(forward.ids(0), forward.ids(0) + 8, backward.ids(0)));
    EXPECT_EQ(forward.differences(backward), 0u);
    for (int m = 1; m < 8; ++m) EXPECT_LE(forward.distances(0)[m - 1], forward.distances(0)[m]);
}

}  // namespace
