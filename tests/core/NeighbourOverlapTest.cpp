// The per-item agreement of two spaces on neighbourhoods: its mean is kNN preservation,
// the same space agrees everywhere, and only the items moved lose agreement.
#include "latent/core/NeighbourOverlap.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <numeric>

#include "RandomData.h"
#include "latent/core/Error.h"
#include "latent/core/ProjectionQuality.h"

namespace {

TEST(NeighbourOverlap, ItsMeanIsKnnPreservationAndTheSameSpaceAgreesEverywhere) {
    const auto high = gaussianBatch(800, 6, 1);
    latent::LatentBatch low(800, 2);  // the first two coordinates: a crude layout
    for (std::size_t i = 0; i < 800; ++i) {
        low.row(i)[0] = high.row(i)[0];
        low.row(i)[1] = high.row(i)[1];
    }
    const auto a = latent::exactKnnGraph(high, 10), b = latent::exactKnnGraph(low, 10);
    const auto overlap = latent::neighbourOverlap(a, b);
    ASSERT_EQ(overlap.size(), 800u);
    const double mean = std::accumulate(overlap.begin(), overlap.end(), 0.0) / 800.0;
    EXPECT_NEAR(mean, latent::knnPreservation(high, low, 10, 800, 1, 1), 1e-12);
    EXPECT_GT(mean, 0.05);
    EXPECT_LT(mean, 0.9);
    for (const double o : latent::neighbourOverlap(a, a)) ASSERT_EQ(o, 1.0);
}

TEST(NeighbourOverlap, OnlyTheItemsMovedLoseAgreement) {
    const auto before = gaussianBatch(600, 4, 2);
    latent::LatentBatch after = before;
    for (std::size_t d = 0; d < 4; ++d) after.row(7)[d] += 40.0f;  // item 7 moves far away
    const auto graph = latent::exactKnnGraph(before, 8);
    const auto overlap = latent::neighbourOverlap(graph, latent::exactKnnGraph(after, 8));
    EXPECT_EQ(overlap[7], 0.0);
    // Items that had 7 among their neighbours lose just it; the rest keep all.
    std::size_t hadSeven = 0;
    for (std::size_t i = 0; i < 600; ++i) {
        if (i == 7) continue;
        const bool had = std::find(graph.neighbours(i), graph.neighbours(i) + 8, 7u) != graph.neighbours(i) + 8;
        hadSeven += had;
        ASSERT_EQ(overlap[i], had ? 7.0 / 8.0 : 1.0) << i;
    }
    EXPECT_GT(hadSeven, 0u);
}

TEST(NeighbourOverlap, GraphsOfOtherItemsOrKAreRefused) {
    const auto data = gaussianBatch(100, 3, 3);
    EXPECT_THROW(latent::neighbourOverlap(latent::exactKnnGraph(data, 5), latent::exactKnnGraph(data, 6)), latent::Error);
}

}  // namespace
