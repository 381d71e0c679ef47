// The latents' shared UMAP neighbour graphs: built once per settings, the same graph UMAP
// builds itself, the same map with or without sharing, and cancelled builds not kept.
#include "latent/core/NeighbourGraphs.h"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "RandomData.h"
#include "latent/core/Error.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/Umap.h"

namespace {

bool sameGraph(const latent::FuzzyGraph& a, const latent::FuzzyGraph& b) {
    return a.count == b.count && a.rowStart == b.rowStart && a.columns == b.columns && a.weights == b.weights;
}

TEST(NeighbourGraphs, EachGraphIsBuiltOnceAndIsTheOneUmapBuilds) {
    const auto data = gaussianBatch(5000, 8, 3);  // above the exact-search size: NN-descent
    latent::NeighbourGraphs graphs;
    const auto first = graphs.get(data, 15, latent::Metric::Euclidean, 42, 2);
    const auto again = graphs.get(data, 15, latent::Metric::Euclidean, 42, 1);  // threads do not matter
    EXPECT_EQ(first.get(), again.get());
    EXPECT_EQ(graphs.builds(), 1u);
    const auto other = graphs.get(data, 15, latent::Metric::Euclidean, 43, 2);
    EXPECT_NE(first.get(), other.get());
    EXPECT_EQ(graphs.builds(), 2u);

    latent::KnnOptions knn;
    knn.seed = 42;
    knn.nnDescent = true;
    const latent::KnnGraph expected = latent::buildKnnGraph(data, 14, knn);
    EXPECT_TRUE(sameGraph(*first, latent::fuzzyNeighbourGraph(expected, 15)));

    // The kNN graph it is built from comes with it: no third build.
    const auto distances = graphs.knn(data, 15, latent::Metric::Euclidean, 42, 2);
    EXPECT_EQ(graphs.builds(), 2u);
    EXPECT_EQ(distances->k, 14u);
    EXPECT_EQ(distances->indices, expected.indices);
    EXPECT_EQ(distances->distances, expected.distances);
}

TEST(NeighbourGraphs, UmapGivesTheSameMapWithTheSharedGraph) {
    const auto data = gaussianBatch(600, 6, 9);
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::Umap;
    p.iterations = 30;
    p.seed = 5;
    latent::NeighbourGraphs graphs;
    const auto shared = latent::UmapModel::fit(data, p, {}, &graphs);
    EXPECT_EQ(graphs.builds(), 1u);
    const auto again = latent::UmapModel::fit(data, p, {}, &graphs);
    EXPECT_EQ(graphs.builds(), 1u);
    const auto alone = latent::UmapModel::fit(data, p);
    EXPECT_EQ(shared.embedding().values, alone.embedding().values);
    EXPECT_EQ(again.embedding().values, alone.embedding().values);
}

TEST(NeighbourGraphs, ConcurrentRequestsShareOneBuildAndACancelledBuildIsNotKept) {
    const auto data = gaussianBatch(8000, 8, 4);
    latent::NeighbourGraphs graphs;
    EXPECT_THROW(graphs.get(data, 15, latent::Metric::Euclidean, 1, 1, [](double, const std::string&) { return false; }),
                 latent::Error);
    EXPECT_EQ(graphs.builds(), 0u);

    std::shared_ptr<const latent::FuzzyGraph> a, b;
    std::thread other([&] { a = graphs.get(data, 15, latent::Metric::Euclidean, 1, 1); });
    b = graphs.get(data, 15, latent::Metric::Euclidean, 1, 1);
    other.join();
    EXPECT_EQ(a.get(), b.get());
    EXPECT_EQ(graphs.builds(), 1u);
}

}  // namespace
