// Two models of the same items compared: per-item neighbour agreement and a second map laid
// onto the first.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <string>

#include "EncodedFashionMnist.h"
#include "ModelFixtures.h"
#include "latent/core/Error.h"
#include "latent/core/ModelComparison.h"
#include "latent/core/Projector.h"
#include "latent/core/Workspace.h"

namespace {

using testdata::encodedWorkspace;

latent::ProjectionParams umapWithSeed(std::uint64_t seed) {
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::Umap;
    p.seed = seed;
    p.threads = 2;
    return p;
}

TEST(ModelComparison, AModelAgreesWithItselfEverywhereAndNotWithAnother) {
    const auto a = encodedWorkspace(LATENT_DEFAULT_MODEL, 2000);
    const auto same = encodedWorkspace(LATENT_DEFAULT_MODEL, 2000);
    const auto other = encodedWorkspace(fixture("mlp_vae.pt").string(), 2000);

    const auto itself = latent::compareNeighbours(a, same, 15, 42, 2);
    ASSERT_EQ(itself.perItem.size(), 2000u);
    EXPECT_TRUE(std::all_of(itself.perItem.begin(), itself.perItem.end(), [](double x) { return x == 1.0; }));
    EXPECT_EQ(itself.mean, 1.0);
    EXPECT_EQ(itself.low, 0u);

    const auto versus = latent::compareNeighbours(a, other, 15, 42, 2);
    RecordProperty("mean", std::to_string(versus.mean));
    EXPECT_LT(versus.mean, 0.3);
    EXPECT_GT(versus.low, 1000u);
    EXPECT_LE(versus.median, versus.mean + 0.2);
    const auto column = latent::agreementColumn(versus, "agreement");
    EXPECT_TRUE(column.numeric);
    EXPECT_EQ(column.numbers, versus.perItem);
    // The graphs compared are the workspaces' own, kept for their maps and clusters: the
    // second comparison found a's graph built by the first.
    EXPECT_EQ(a.graphs->builds(), 1u);
}

TEST(ModelComparison, RefusesItemsThatDoNotPair) {
    const auto a = encodedWorkspace(LATENT_DEFAULT_MODEL, 100);
    const auto b = encodedWorkspace(LATENT_DEFAULT_MODEL, 90);
    EXPECT_THROW(latent::compareNeighbours(a, b, 15, 42, 1), latent::Error);
    EXPECT_THROW(latent::compareNeighbours(a, a, 100, 42, 1), latent::Error);
}

TEST(ModelComparison, AlignedMapsOfOneModelMeetAndOfTwoModelsDoNot) {
    const auto a = encodedWorkspace(LATENT_DEFAULT_MODEL, 2000);
    const auto other = encodedWorkspace(fixture("mlp_vae.pt").string(), 2000);

    // PCA: the map the workspace fitted, laid onto itself.
    const latent::ProjectionParams pcaParams;
    EXPECT_LT(latent::alignedMap(a, pcaParams, {a.latents, pcaParams, a.coords(2)}).alignment.error, 1e-5);
    EXPECT_GT(latent::alignedMap(other, pcaParams, {a.latents, pcaParams, a.coords(2)}).alignment.error, 0.3);

    // UMAP with another seed, anchored to the first map: the same model's map lands close to
    // the first (measured 0.078; 0.149 free, without the anchor); another model's stays far
    // from it, however it is turned (0.747; 0.793 free).
    const auto firstParams = umapWithSeed(1);
    const auto first =
        latent::project(std::make_shared<const latent::LatentBatch>(a.latents), firstParams, {}, a.graphs.get()).coords;
    const latent::ReferenceMap reference{a.latents, firstParams, first};
    const double sameModel = latent::alignedMap(a, umapWithSeed(2), reference).alignment.error;
    const double otherModel = latent::alignedMap(other, umapWithSeed(1), reference).alignment.error;
    RecordProperty("same_model_other_seed", std::to_string(sameModel));
    RecordProperty("other_model", std::to_string(otherModel));
    EXPECT_LT(sameModel, 0.11);
    EXPECT_GT(otherModel, 0.6);

    // The same latents projected alike (on other threads) are the first map itself: exactly,
    // where an anchored UMAP map of them would drift from it.
    auto otherThreads = firstParams;
    otherThreads.threads = 1;
    const auto itself = latent::alignedMap(a, otherThreads, reference);
    EXPECT_EQ(itself.coords.values, first.values);
    EXPECT_LT(itself.alignment.error, 1e-6);

    const auto aligned = latent::alignedMap(other, umapWithSeed(1), reference);
    EXPECT_EQ(aligned.coords.count, 2000u);
    EXPECT_EQ(aligned.coords.dim, 2u);
    // Its coordinates are the aligned ones: aligning them again changes nothing.
    const auto again = latent::alignMap(first, aligned.coords);
    EXPECT_NEAR(again.scale, 1.0, 1e-3);
    EXPECT_NEAR(again.rotation[0], 1.0, 1e-3);
    EXPECT_NEAR(again.rotation[3], 1.0, 1e-3);
    EXPECT_NEAR(again.error, aligned.alignment.error, 1e-4);
}

}  // namespace
