#include <gtest/gtest.h>

#include <cmath>

#include "ManifoldData.h"
#include "latent/core/Error.h"
#include "Lle.h"

namespace {

latent::ProjectionParams lleParams(int neighbours = 12, int threads = 1) {
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::Lle;
    p.neighbours = neighbours;
    p.threads = threads;
    p.seed = 3;
    return p;
}

TEST(Lle, UnrollsASwissRoll) {
    const auto roll = testdata::swissRoll(1500, 3);
    const auto layout = latent::runLle(roll.points, lleParams());
    ASSERT_EQ(layout.count, 1500u);
    ASSERT_EQ(layout.dim, 2u);
    // Radius 6 as in UmapTest: true neighbours lie within ~2, the next layer over 30 away.
    const double fidelity = testdata::rollNeighbourFidelity(roll, layout, 10, 6.0);
    std::cout << "LLE swiss roll fidelity " << fidelity << "\n";
    EXPECT_GT(fidelity, 0.97);
}

// Clusters this far apart leave the neighbour graph disconnected; M then has one zero
// eigenvector per cluster and LLE draws each cluster nearly as a point: far apart, as wanted.
TEST(Lle, KeepsGaussianClustersApart) {
    const auto data = testdata::gaussianClusters(4, 150, 10, 12.0, 5);
    for (int dims : {2, 3}) {
        auto params = lleParams(15);
        params.dims = dims;
        const auto layout = latent::runLle(data.points, params);
        const double separation = testdata::clusterSeparation(layout, data.labels, 4);
        std::cout << "LLE " << dims << "D cluster separation " << separation << "\n";
        EXPECT_GT(separation, 3.0);
    }
}

TEST(Lle, SameSeedGivesTheSameMapForAnyThreadCount) {
    const auto roll = testdata::swissRoll(600, 4);
    const auto one = latent::runLle(roll.points, lleParams(12, 1));
    EXPECT_EQ(one.values, latent::runLle(roll.points, lleParams(12, 1)).values);
    EXPECT_EQ(one.values, latent::runLle(roll.points, lleParams(12, 2)).values);
}

TEST(Lle, RefusesBadParametersAndOversizedInputs) {
    const auto roll = testdata::swissRoll(50, 1);
    auto expectRefused = [](const latent::LatentBatch& input, latent::ProjectionParams p,
                            latent::LleLimits limits = {}) {
        try {
            latent::runLle(input, p, {}, limits);
            ADD_FAILURE() << "accepted " << latent::describe(p);
        } catch (const latent::Error& e) {
            EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
            EXPECT_NE(std::string(e.what()).find("LLE"), std::string::npos) << e.what();
        }
    };
    expectRefused(roll.points, lleParams(2));
    expectRefused(roll.points, lleParams(50));
    auto p = lleParams();
    p.dims = 1;
    expectRefused(roll.points, p);
    auto broken = roll.points;
    broken.values[3] = std::nanf("");
    expectRefused(broken, lleParams());

    // Random 30-d points have no thin neighbour ordering: their factor is nearly dense, many
    // times the size of a swiss roll's, and over a limit the roll stays under.
    const auto noise = testdata::gaussianClusters(1, 1500, 30, 0.0, 8);
    const auto roll1500 = testdata::swissRoll(1500, 8);
    latent::LleLimits limits;
    limits.maxFactorEntries = 300e3;
    expectRefused(noise.points, lleParams(), limits);
    EXPECT_NO_THROW(latent::runLle(roll1500.points, lleParams(), {}, limits));
}

TEST(Lle, CancelStopsAtTheCallbackThatSaidNo) {
    const auto roll = testdata::swissRoll(800, 2);
    int calls = 0;
    try {
        latent::runLle(
            roll.points, lleParams(),
            [&](const latent::LatentBatch&, double, const std::string&) { return ++calls < 2; });
        FAIL() << "cancel ignored";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 2);
}

}  // namespace
