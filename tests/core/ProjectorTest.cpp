#include "latent/core/Projector.h"

#include <gtest/gtest.h>

#include <functional>
#include <random>
#include <vector>

#include "latent/core/Error.h"
#include "latent/core/ProjectionCache.h"
#include "latent/core/WorkspaceIdentity.h"

namespace {

std::shared_ptr<const latent::LatentBatch> randomLatents(std::size_t n, std::size_t d) {
    auto z = std::make_shared<latent::LatentBatch>(n, d);
    std::mt19937 rng(4);
    std::normal_distribution<float> normal;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < d; ++j) z->row(i)[j] = normal(rng) * static_cast<float>(j + 1);
    return z;
}

latent::ErrorKind errorOf(const std::function<void()>& f, std::string* message = nullptr) {
    try {
        f();
    } catch (const latent::Error& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    ADD_FAILURE() << "nothing thrown";
    return latent::ErrorKind::Io;
}

TEST(Projector, PcaMapDecodesExactly) {
    const auto z = randomLatents(400, 8);
    latent::ProjectionParams p;
    p.dims = 3;
    p.perplexity = 5;  // ignored by PCA
    const auto r = latent::project(z, p);
    EXPECT_EQ(r.params.perplexity, latent::ProjectionParams{}.perplexity);
    ASSERT_EQ(r.coords.count, 400u);
    ASSERT_EQ(r.coords.dim, 3u);
    ASSERT_EQ(r.explainedVarianceRatio.size(), 3u);
    EXPECT_GT(r.explainedVarianceRatio[0], r.explainedVarianceRatio[2]);
    const auto& pca = std::get<latent::Pca>(r.inverse);
    EXPECT_EQ(pca.transform(z->row(9)), std::vector<float>(r.coords.row(9).begin(), r.coords.row(9).end()));
    const std::vector<float> where{1.0f, -2.0f, 0.5f};
    const auto decoded = r.decode(where);
    EXPECT_TRUE(decoded.exact);
    EXPECT_EQ(decoded.latent, pca.inverse(where));
    EXPECT_THROW(r.decode(std::vector<float>{1.0f, 2.0f}), latent::Error);
}

TEST(Projector, LatentAxesMapIsTheChosenDimensions) {
    const auto z = randomLatents(50, 6);
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::LatentAxes;
    p.axes = {4, 1, 2};  // the third is dropped for a 2D map
    const auto r = latent::project(z, p);
    EXPECT_EQ(r.params.axes, (std::vector<int>{4, 1}));
    EXPECT_TRUE(r.explainedVarianceRatio.empty());
    for (std::size_t i = 0; i < z->count; ++i) {
        EXPECT_EQ(r.coords.row(i)[0], z->row(i)[4]);
        EXPECT_EQ(r.coords.row(i)[1], z->row(i)[1]);
    }
    const auto d = r.decode(std::vector<float>{3.0f, -1.0f});
    EXPECT_TRUE(d.exact);
    EXPECT_EQ(d.latent[4], 3.0f);
    EXPECT_EQ(d.latent[1], -1.0f);
    EXPECT_EQ(d.latent[0], std::get<latent::LatentAxes>(r.inverse).reference()[0]);
}

TEST(Projector, InterpolatedMapsReportTheirDistanceFromData) {
    const auto z = randomLatents(30, 4);
    latent::ProjectionParams tsne;
    tsne.method = latent::ProjectionMethod::Tsne;
    tsne.minDist = 0.5;  // ignored by t-SNE
    // Any layout will do: take PCA's.
    const auto r = latent::layoutProjection(z, latent::project(z, {}).coords, tsne);
    EXPECT_EQ(r.params.minDist, latent::ProjectionParams{}.minDist);
    ASSERT_TRUE(std::holds_alternative<latent::InverseMap>(r.inverse));
    const auto onPoint = r.decode(r.coords.row(3));
    EXPECT_FALSE(onPoint.exact);
    EXPECT_EQ(onPoint.spacingsFromData, 0.0);
    EXPECT_EQ(onPoint.latent, std::vector<float>(z->row(3).begin(), z->row(3).end()));
    EXPECT_GT(r.decode(std::vector<float>{1e4f, 1e4f}).spacingsFromData, 100.0);
    tsne.dims = 3;
    EXPECT_THROW(latent::layoutProjection(z, r.coords, tsne), latent::Error);
}

TEST(Projector, NonLinearMethodsProjectAndDecodeThroughTheInverseMap) {
    const auto z = randomLatents(300, 6);
    for (auto m : {latent::ProjectionMethod::Tsne, latent::ProjectionMethod::Umap,
                   latent::ProjectionMethod::Lle}) {
        latent::ProjectionParams p;
        p.method = m;
        p.iterations = m == latent::ProjectionMethod::Lle ? 0 : 100;
        int reports = 0;
        const auto r = latent::project(z, p, [&](const latent::LatentBatch&, double, const std::string&) {
            ++reports;
            return true;
        });
        ASSERT_EQ(r.coords.count, 300u) << latent::toString(m);
        ASSERT_EQ(r.coords.dim, 2u);
        EXPECT_GT(reports, 0) << latent::toString(m);
        EXPECT_FALSE(r.place(z->row(0)).has_value());  // no forward transform on a layout
        // At a plotted point the inverse map gives back (nearly) that point's latent.
        const auto at = r.decode(r.coords.row(7));
        EXPECT_FALSE(at.exact);
        ASSERT_EQ(at.latent.size(), 6u);
        for (std::size_t j = 0; j < 6; ++j) EXPECT_NEAR(at.latent[j], z->row(7)[j], 1e-3) << latent::toString(m);
    }
}

TEST(Projector, EveryMapPlacesNewLatentsItsOwnWay) {
    const auto z = randomLatents(300, 6);
    latent::LatentBatch queries(3, 6);
    std::copy_n(z->row(11).begin(), 6, queries.row(0).begin());  // a data latent
    for (std::size_t j = 0; j < 6; ++j) {
        queries.row(1)[j] = 0.5f * (z->row(20)[j] + z->row(21)[j]);  // between two
        queries.row(2)[j] = 0.9f * z->row(30)[j];                    // near one
    }
    for (auto m : {latent::ProjectionMethod::Pca, latent::ProjectionMethod::Tsne,
                   latent::ProjectionMethod::Umap, latent::ProjectionMethod::Lle}) {
        latent::ProjectionParams p;
        p.method = m;
        p.iterations =
            m == latent::ProjectionMethod::Lle || m == latent::ProjectionMethod::Pca ? 0 : 100;
        const auto r = latent::project(z, p);
        const auto placed = r.placeAll(queries);
        ASSERT_EQ(placed.count, 3u) << latent::toString(m);
        ASSERT_EQ(placed.dim, 2u);
        switch (r.placement()) {
            case latent::ProjectionResult::Placement::Exact:
                EXPECT_EQ(m, latent::ProjectionMethod::Pca);
                for (std::size_t q = 0; q < 3; ++q) {
                    const auto at = *r.place(queries.row(q));
                    EXPECT_FLOAT_EQ(placed.row(q)[0], at[0]);
                    EXPECT_FLOAT_EQ(placed.row(q)[1], at[1]);
                }
                break;
            case latent::ProjectionResult::Placement::UmapTransform:
                EXPECT_EQ(m, latent::ProjectionMethod::Umap);
                EXPECT_EQ(placed.values, r.umap->transform(queries).values);
                break;
            case latent::ProjectionResult::Placement::NearestData:
                EXPECT_NE(m, latent::ProjectionMethod::Umap);
                EXPECT_EQ(placed.values, latent::placeNearLatents(r.coords, *z, queries).values);
                // A data latent lands on its own plotted position.
                EXPECT_FLOAT_EQ(placed.row(0)[0], r.coords.row(11)[0]);
                EXPECT_FLOAT_EQ(placed.row(0)[1], r.coords.row(11)[1]);
                break;
        }
        latent::LatentBatch wrong(1, 5);
        EXPECT_EQ(errorOf([&] { r.placeAll(wrong); }), latent::ErrorKind::InvalidArgument)
            << latent::toString(m);
    }
}

TEST(Projector, BadParametersAreRefused) {
    const auto z = randomLatents(50, 2);
    latent::ProjectionParams p;
    p.dims = 4;
    EXPECT_EQ(errorOf([&] { latent::project(z, p); }), latent::ErrorKind::InvalidArgument);
    p.dims = 3;  // a 2-d latent has no 3D PCA
    std::string message;
    EXPECT_EQ(errorOf([&] { latent::project(z, p); }, &message), latent::ErrorKind::InvalidArgument);
    EXPECT_NE(message.find("at least 3 dimensions"), std::string::npos) << message;
    p.method = latent::ProjectionMethod::LatentAxes;
    p.axes = {0, 1};  // two axes for a 3D map
    EXPECT_EQ(errorOf([&] { latent::project(z, p); }), latent::ErrorKind::InvalidArgument);
    EXPECT_EQ(errorOf([&] { latent::project(nullptr, {}); }), latent::ErrorKind::InvalidArgument);
    auto nan = std::make_shared<latent::LatentBatch>(*z);
    nan->values[5] = NAN;
    EXPECT_EQ(errorOf([&] { latent::project(nan, {}); }), latent::ErrorKind::InvalidArgument);
}

TEST(Projector, CallbackCancels) {
    const auto z = randomLatents(50, 6);
    const auto refuse = [](const latent::LatentBatch&, double, const std::string&) { return false; };
    EXPECT_EQ(errorOf([&] { latent::project(z, {}, refuse); }), latent::ErrorKind::Cancelled);
}

TEST(Projector, ParsesCommandLineSpecs) {
    latent::ProjectionParams base;
    base.dims = 3;
    EXPECT_EQ(latent::parseProjectionSpec("pca", base).method, latent::ProjectionMethod::Pca);
    EXPECT_EQ(latent::parseProjectionSpec("umap", base).dims, 3);
    const auto axes = latent::parseProjectionSpec("axes:0,5", base);
    EXPECT_EQ(axes.method, latent::ProjectionMethod::LatentAxes);
    EXPECT_EQ(axes.axes, (std::vector<int>{0, 5}));
    EXPECT_EQ(axes.dims, 2);
    EXPECT_EQ(latent::parseProjectionSpec("axes:1,2,3").dims, 3);
    for (const char* bad : {"", "pca:1", "axes", "axes:1", "axes:1,x", "axes:1,-2", "axes:1,2,3,4", "isomap"}) {
        EXPECT_THROW(latent::parseProjectionSpec(bad), latent::Error) << bad;
    }
}

TEST(ProjectionCache, FindsByNormalizedKeyAndDropsTheLeastRecentlyUsed) {
    latent::ProjectionCache cache(2);
    const auto z = randomLatents(20, 4);
    auto result = [&](int dims) {
        latent::ProjectionParams p;
        p.dims = dims;
        return std::make_shared<const latent::ProjectionResult>(latent::project(z, p));
    };
    latent::WorkspaceIdentity workspace;
    workspace.modelPath = "model.pt";
    workspace.dataPath = "data";
    latent::ProjectionKey pca2{workspace, {}};
    latent::ProjectionKey pca3 = pca2;
    pca3.params.dims = 3;
    const auto r2 = result(2);
    cache.insert(pca2, r2);
    cache.insert(pca3, result(3));
    EXPECT_EQ(cache.find(pca2), r2);
    latent::ProjectionKey samePca = pca2;
    samePca.params.neighbours = 99;  // ignored by PCA: the same result
    EXPECT_EQ(cache.find(samePca), r2);
    latent::ProjectionKey otherModel = pca2;
    otherModel.workspace.modelPath = "other.pt";
    EXPECT_EQ(cache.find(otherModel), nullptr);
    latent::ProjectionKey otherPriorSample = pca2;  // a generator's prior sampled again
    otherPriorSample.workspace.priorSamples = 350;
    EXPECT_EQ(cache.find(otherPriorSample), nullptr);
    otherPriorSample = pca2;
    otherPriorSample.workspace.priorSeed = 5;
    EXPECT_EQ(cache.find(otherPriorSample), nullptr);
    latent::ProjectionKey otherSeed = pca2;
    otherSeed.params.seed = 7;
    EXPECT_EQ(cache.find(otherSeed), nullptr);

    // pca2 was used last, so a third entry drops pca3.
    latent::ProjectionKey axes{workspace, {}};
    axes.params.method = latent::ProjectionMethod::LatentAxes;
    axes.params.axes = {0, 1};
    cache.insert(axes, r2);
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(cache.find(pca3), nullptr);
    EXPECT_NE(cache.find(pca2), nullptr);
    EXPECT_NE(cache.find(axes), nullptr);
    cache.insert(axes, result(2));  // replacing keeps one entry per key
    EXPECT_EQ(cache.size(), 2u);
}

TEST(WorkspaceIdentity, EveryFieldTellsWorkspacesApartAndEqualOnesHashAlike) {
    latent::WorkspaceIdentity base;
    base.modelPath = "model.pt";
    base.dataPath = "data";
    const std::hash<latent::WorkspaceIdentity> hash;
    EXPECT_EQ(base, latent::WorkspaceIdentity(base));
    EXPECT_EQ(hash(base), hash(latent::WorkspaceIdentity(base)));
    const std::vector<std::function<void(latent::WorkspaceIdentity&)>> changes = {
        [](auto& w) { w.modelPath = "other.pt"; },
        [](auto& w) { w.dataPath = "other"; },
        [](auto& w) { w.split = "train"; },
        [](auto& w) { w.limit = 10; },
        [](auto& w) { w.metadataPath = "labels.csv"; },
        [](auto& w) { w.folderFit = latent::FitPolicy::Stretch; },
        [](auto& w) { w.greyscale = true; },
        [](auto& w) { w.resizeFilter = latent::ResizeFilter::Nearest; },
        [](auto& w) { w.priorSamples = 350; },
        [](auto& w) { w.priorSeed = 5; },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        latent::WorkspaceIdentity changed = base;
        changes[i](changed);
        EXPECT_NE(changed, base) << "change " << i;
        EXPECT_NE(hash(changed), hash(base)) << "change " << i;
    }
}

}  // namespace
