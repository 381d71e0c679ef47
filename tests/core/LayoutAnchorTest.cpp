// UMAP layouts anchored to another map of the same items (LayoutAnchor): what keeps a
// compared model's map arranged like the first (ModelComparisonTest measures that on real
// models); here the checks and the contract.
#include <gtest/gtest.h>

#include <limits>
#include <memory>
#include <string>

#include "ManifoldData.h"
#include "latent/core/Error.h"
#include "latent/core/MapAlignment.h"
#include "latent/core/ModelComparison.h"
#include "latent/core/Projector.h"

namespace {

using latent::LayoutAnchor;
using latent::ProjectionMethod;

latent::ProjectionParams paramsOf(ProjectionMethod method, std::uint64_t seed) {
    latent::ProjectionParams p;
    p.method = method;
    p.seed = seed;
    p.threads = 2;
    return p;
}

std::shared_ptr<const latent::LatentBatch> roll(std::size_t n) {
    return std::make_shared<const latent::LatentBatch>(testdata::swissRoll(n, 3).points);
}

std::string refusal(ProjectionMethod method, const LayoutAnchor& anchor) {
    try {
        latent::project(roll(100), paramsOf(method, 1), {}, nullptr, anchor);
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
        return e.what();
    }
    return "accepted";
}

TEST(LayoutAnchor, RefusesAnAnchorOfOtherPointsOrSizeOrABadWeight) {
    const latent::LatentBatch fewer(99, 2), wider(100, 3), fitting(100, 2);
    latent::LatentBatch nan(100, 2);
    nan.values[7] = std::numeric_limits<float>::quiet_NaN();
    EXPECT_EQ(refusal(ProjectionMethod::Umap, {&fewer, 0.1}),
              "UMAP: the anchor layout has 99 points of 2 values; the map needs 100 of 2");
    EXPECT_EQ(refusal(ProjectionMethod::Umap, {&wider, 0.1}),
              "UMAP: the anchor layout has 100 points of 3 values; the map needs 100 of 2");
    EXPECT_EQ(refusal(ProjectionMethod::Umap, {&nan, 0.1}), "UMAP: the anchor layout has NaN or Inf");
    for (const double weight : {-0.1, std::numeric_limits<double>::quiet_NaN(), std::numeric_limits<double>::infinity()}) {
        EXPECT_NE(refusal(ProjectionMethod::Umap, {&fitting, weight}).find("UMAP: the anchor weight must be"),
                  std::string::npos)
            << weight;
    }
}

TEST(LayoutAnchor, OnlyUmapTakesOne) {
    const latent::LatentBatch anchor(100, 2);
    for (const ProjectionMethod method : {ProjectionMethod::Pca, ProjectionMethod::Tsne, ProjectionMethod::Lle}) {
        EXPECT_NE(refusal(method, {&anchor, 0.1}).find("only UMAP layouts take an anchor"), std::string::npos);
    }
}

// Same anchor, seed and threads: the same map, as without an anchor.
TEST(LayoutAnchor, IsTheSameForTheSameSeed) {
    const auto latents = roll(600);
    const auto anchor = latent::project(latents, paramsOf(ProjectionMethod::Umap, 1)).coords;
    const auto once = latent::project(latents, paramsOf(ProjectionMethod::Umap, 2), {}, nullptr, {&anchor, 0.1});
    const auto again = latent::project(latents, paramsOf(ProjectionMethod::Umap, 2), {}, nullptr, {&anchor, 0.1});
    EXPECT_EQ(once.coords.values, again.coords.values);
}

// A UMAP map starts from the anchor and is held near it: another seed's map of the swiss
// roll lands much closer to the anchor than a free map of that seed does (measured 0.036
// against 0.332).
TEST(LayoutAnchor, HoldsAUmapMapNearTheAnchor) {
    const auto latents = roll(1000);
    const auto anchor = latent::project(latents, paramsOf(ProjectionMethod::Umap, 1)).coords;
    const auto free = latent::project(latents, paramsOf(ProjectionMethod::Umap, 2));
    const auto held =
        latent::project(latents, paramsOf(ProjectionMethod::Umap, 2), {}, nullptr, {&anchor, latent::kUmapAnchorWeight});
    EXPECT_EQ(held.umap->initialisation(), "the anchor layout");
    const double freeError = latent::alignMap(anchor, free.coords).error;
    const double heldError = latent::alignMap(anchor, held.coords).error;
    RecordProperty("free", std::to_string(freeError));
    RecordProperty("held", std::to_string(heldError));
    EXPECT_LT(heldError, 0.1);
    EXPECT_GT(freeError, 0.2);
}

}  // namespace
