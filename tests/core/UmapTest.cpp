#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "EncodedFashionMnist.h"
#include "ManifoldData.h"
#include "latent/core/Error.h"
#include "latent/core/Pca.h"
#include "latent/core/ProjectionQuality.h"
#include "latent/core/Umap.h"

namespace {

latent::ProjectionParams umapParams(int epochs = 0, int threads = 1) {
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::Umap;
    p.iterations = epochs;
    p.threads = threads;
    p.seed = 7;
    return p;
}

double distance(std::span<const float> a, std::span<const float> b) {
    double d2 = 0.0;
    for (std::size_t c = 0; c < a.size(); ++c)
        d2 += (a[c] - b[c]) * static_cast<double>(a[c] - b[c]);
    return std::sqrt(d2);
}

TEST(Umap, CurveParametersMatchUmapLearn) {
    // Reference values printed by umap-learn 0.5's find_ab_params(spread=1, min_dist).
    const auto c01 = latent::fitUmapCurve(0.1);
    EXPECT_NEAR(c01.a, 1.5769, 1e-2);
    EXPECT_NEAR(c01.b, 0.8951, 1e-2);
    const auto c05 = latent::fitUmapCurve(0.5);
    EXPECT_NEAR(c05.a, 0.5830, 1e-2);
    EXPECT_NEAR(c05.b, 1.3342, 1e-2);
    const auto c0 = latent::fitUmapCurve(0.0);
    EXPECT_NEAR(c0.a, 1.9328, 1e-2);
    EXPECT_NEAR(c0.b, 0.7905, 1e-2);
}

TEST(Umap, UnrollsASwissRoll) {
    const auto roll = testdata::swissRoll(1500, 3);
    const auto model = latent::UmapModel::fit(roll.points, umapParams(200));
    EXPECT_EQ(model.embedding().count, 1500u);
    EXPECT_EQ(model.embedding().dim, 2u);
    // A point's 10 nearest on the flat roll lie within about 2 units (density 0.8 per unit^2);
    // the next layer of the roll is over 30 units away along it. So a layout neighbour within
    // 6 is a true neighbour and one across the layers is a miss.
    const double fidelity = testdata::rollNeighbourFidelity(roll, model.embedding(), 10, 6.0);
    // The measure tells unrolled from squashed: PCA to 2-D folds the layers onto each other.
    const auto squashed = latent::Pca::fit(roll.points, 2).transform(roll.points);
    const double pcaFidelity = testdata::rollNeighbourFidelity(roll, squashed, 10, 6.0);
    std::cout << "UMAP swiss roll: init " << model.initialisation() << ", fidelity " << fidelity
              << " (PCA " << pcaFidelity << ")\n";
    EXPECT_EQ(model.initialisation(), "spectral");
    EXPECT_GT(fidelity, 0.97);
    EXPECT_LT(pcaFidelity, 0.9);
}

TEST(Umap, KeepsGaussianClustersApartIn2dAnd3d) {
    const auto data = testdata::gaussianClusters(5, 150, 10, 12.0, 5);
    for (int dims : {2, 3}) {
        auto params = umapParams(200);
        params.dims = dims;
        const auto model = latent::UmapModel::fit(data.points, params);
        ASSERT_EQ(model.embedding().dim, static_cast<std::size_t>(dims));
        const double separation = testdata::clusterSeparation(model.embedding(), data.labels, 5);
        std::cout << "UMAP " << dims << "D cluster separation " << separation << "\n";
        EXPECT_GT(separation, 3.0);
    }
}

TEST(Umap, SameSeedAndThreadsGiveTheSameMap) {
    const auto data = testdata::gaussianClusters(4, 150, 8, 8.0, 9);
    for (int threads : {1, 2}) {
        const auto first = latent::UmapModel::fit(data.points, umapParams(100, threads));
        const auto second = latent::UmapModel::fit(data.points, umapParams(100, threads));
        EXPECT_EQ(first.embedding().values, second.embedding().values) << threads << " threads";
    }
    auto other = umapParams(100);
    other.seed = 8;
    EXPECT_NE(latent::UmapModel::fit(data.points, other).embedding().values,
              latent::UmapModel::fit(data.points, umapParams(100)).embedding().values);
}

TEST(Umap, SameMapAboveTheExactNeighbourSearchLimit) {
    // 4,400 points: the graph comes from HNSW, built with 2 threads each time.
    const auto data = testdata::gaussianClusters(4, 1100, 8, 8.0, 5);
    const auto first = latent::UmapModel::fit(data.points, umapParams(30, 2));
    const auto second = latent::UmapModel::fit(data.points, umapParams(30, 2));
    EXPECT_EQ(first.embedding().values, second.embedding().values);
}

TEST(Umap, IsTrustworthyOnEncodedFashionMnist) {
    const std::size_t n = 1500;
    const auto latents = testdata::encodedFashionMnist(n);
    const auto y = latent::UmapModel::fit(latents, umapParams(0, 2)).embedding();
    const double t = latent::trustworthiness(latents, y, 15, n, 0, 2);
    // Measured 0.9514 (default parameters, seed 7, 2 threads); the threshold sits a little
    // below, leaving room for harmless numeric changes.
    EXPECT_GT(t, 0.94) << t;
}

TEST(Umap, TransformPlacesPointsWhereTheyBelong) {
    const auto data = testdata::gaussianClusters(4, 200, 8, 10.0, 11);
    const auto model = latent::UmapModel::fit(data.points, umapParams(200, 2));
    const auto& map = model.embedding();

    // Training points land next to their own position: the rank of a point's own map position
    // among all map points, by distance from where transform put it (1 = nearest).
    latent::LatentBatch some(40, 8);
    for (std::size_t i = 0; i < 40; ++i) {
        std::copy_n(data.points.row(i * 20).begin(), 8, some.row(i).begin());
    }
    const auto again = model.transform(some);
    std::vector<std::size_t> ranks;
    for (std::size_t i = 0; i < 40; ++i) {
        const double own = distance(again.row(i), map.row(i * 20));
        std::size_t rank = 1;
        for (std::size_t j = 0; j < map.count; ++j)
            rank += distance(again.row(i), map.row(j)) < own;
        ranks.push_back(rank);
    }
    std::sort(ranks.begin(), ranks.end());
    std::cout << "UMAP transform of training points: own position ranks median " << ranks[20]
              << ", worst " << ranks.back() << " of 800\n";
    // Within its own neighbourhood (n_neighbors = 15) typically, within its cluster always.
    EXPECT_LE(ranks[20], 15u);
    EXPECT_LE(ranks.back(), 100u);

    // New points drawn from cluster 2 land closer to cluster 2 than to any other.
    const auto fresh = testdata::gaussianClusters(4, 25, 8, 10.0, 99);
    const auto placed = model.transform(fresh.points);
    const double separation = testdata::clusterSeparation(map, data.labels, 4);
    EXPECT_GT(separation, 3.0);
    std::vector<double> centroid(4 * 2, 0.0);
    for (std::size_t i = 0; i < map.count; ++i) {
        for (int c = 0; c < 2; ++c)
            centroid[data.labels[i] * 2 + c] += map.values[i * 2 + c] / 200.0;
    }
    int right = 0;
    for (std::size_t i = 0; i < placed.count; ++i) {
        int best = 0;
        double bestDistance = INFINITY;
        for (int k = 0; k < 4; ++k) {
            const double d = std::hypot(placed.values[i * 2] - centroid[k * 2],
                                        placed.values[i * 2 + 1] - centroid[k * 2 + 1]);
            if (d < bestDistance) bestDistance = d, best = k;
        }
        right += best == fresh.labels[i];
    }
    EXPECT_EQ(right, 100);
    EXPECT_EQ(placed.values, model.transform(fresh.points).values);
}

TEST(Umap, RefusesBadParameters) {
    const auto data = testdata::gaussianClusters(2, 20, 3, 5.0, 1);
    auto expectRefused = [&](latent::ProjectionParams p, const latent::LatentBatch& input) {
        try {
            latent::UmapModel::fit(input, p);
            ADD_FAILURE() << "accepted " << latent::describe(p);
        } catch (const latent::Error& e) {
            EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
            EXPECT_NE(std::string(e.what()).find("UMAP"), std::string::npos) << e.what();
        }
    };
    auto p = umapParams(10);
    p.neighbours = 1;
    expectRefused(p, data.points);
    p.neighbours = 40;
    expectRefused(p, data.points);
    p = umapParams(10);
    p.minDist = -0.1;
    expectRefused(p, data.points);
    p = umapParams(10);
    p.dims = 4;
    expectRefused(p, data.points);
    auto broken = data.points;
    broken.values[5] = std::nanf("");
    expectRefused(umapParams(10), broken);
    broken.values[5] = INFINITY;
    expectRefused(umapParams(10), broken);

    const auto model = latent::UmapModel::fit(data.points, umapParams(10));
    EXPECT_THROW(model.transform(latent::LatentBatch(2, 4)), latent::Error);
}

TEST(Umap, CancelStopsAtTheCallbackThatSaidNo) {
    const auto data = testdata::gaussianClusters(3, 100, 5, 8.0, 2);
    int calls = 0;
    bool sawLayout = false;
    try {
        latent::UmapModel::fit(data.points, umapParams(200),
                               [&](const latent::LatentBatch& layout, double, const std::string&) {
                                   sawLayout = sawLayout || layout.count == 300;
                                   return ++calls < 3;
                               });
        FAIL() << "cancel ignored";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 3);
    EXPECT_TRUE(sawLayout);
}

}  // namespace
