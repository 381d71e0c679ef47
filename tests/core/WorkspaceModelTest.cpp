// buildWorkspace with the model variants: generator-only models map prior samples, and
// dataset images of another shape are resized (and the user told how) or refused.
#include "latent/core/Workspace.h"

#include <gtest/gtest.h>

#include "ModelFixtures.h"
#include "latent/core/PriorSampler.h"

namespace {

latent::WorkspaceRequest requestFor(const std::string& model, std::size_t limit = 300) {
    latent::WorkspaceRequest request{{fixture(model), LATENT_DEFAULT_DATA_DIR, "test", limit}, 128};
    return request;
}

TEST(WorkspaceModels, GeneratorOnlyModelMapsSeededPriorSamples) {
    auto request = requestFor("gan_rgb64.pt");
    request.identity.priorSamples = 150;
    request.identity.priorSeed = 42;
    const auto ws = latent::buildWorkspace(request);
    EXPECT_TRUE(ws.sampledFromPrior);
    EXPECT_EQ(ws.latents.count, 150u);
    EXPECT_EQ(ws.latents.dim, 16u);
    EXPECT_EQ(ws.coords2.count, 150u);
    EXPECT_EQ(ws.coords3.count, 150u);
    EXPECT_EQ(ws.dataset.count, 0u);
    EXPECT_NE(ws.dataset.name.find("150 samples"), std::string::npos);
    EXPECT_EQ(ws.latents.values, latent::samplePrior(ws.model->info(), 150, 42).values);
    EXPECT_NE(ws.latents.values, latent::samplePrior(ws.model->info(), 150, 43).values);
}

TEST(WorkspaceModels, PriorSamplesFollowThePrior) {
    latent::ModelInfo info;
    info.latentDim = 4;
    const auto normal = latent::samplePrior(info, 5000, 1);
    double sum = 0, squares = 0;
    for (float v : normal.values) {
        sum += v;
        squares += static_cast<double>(v) * v;
    }
    EXPECT_NEAR(sum / 20000.0, 0.0, 0.05);
    EXPECT_NEAR(squares / 20000.0, 1.0, 0.05);
    info.prior = latent::LatentPrior::Uniform;
    for (float v : latent::samplePrior(info, 1000, 1).values) {
        EXPECT_GE(v, -1.0f);
        EXPECT_LT(v, 1.0f);
    }
    EXPECT_THROW(latent::samplePrior(info, 0, 1), latent::Error);
}

TEST(WorkspaceModels, DatasetImagesAreResizedToFitAndTheUserIsTold) {
    const auto ws = latent::buildWorkspace(requestFor("pair.json", 64));
    EXPECT_FALSE(ws.sampledFromPrior);
    EXPECT_EQ(ws.dataset.shape, (latent::ImageShape{3, 16, 16}));
    EXPECT_EQ(ws.latents.count, 64u);
    EXPECT_EQ(ws.latents.dim, 6u);
    EXPECT_EQ(ws.resizeNote, "1x28x28 images resized to 3x16x16 (bilinear, grey copied to RGB)");
}

TEST(WorkspaceModels, DatasetThatCannotFitIsRefusedNamingBothShapes) {
    auto request = requestFor("pair.json", 10);
    request.resizeToFit = false;
    try {
        latent::buildWorkspace(request);
        FAIL();
    } catch (const latent::DatasetNeedsResize& e) {  // sensible: offered, not done
        EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
        EXPECT_EQ(e.datasetShape, (latent::ImageShape{1, 28, 28}));
        EXPECT_EQ(e.modelShape, (latent::ImageShape{3, 16, 16}));
        EXPECT_NE(std::string(e.what()).find("1x28x28"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("3x16x16"), std::string::npos);
    }
}

TEST(WorkspaceModels, GeneratorOnlyModelKeepsDatasetImagesFittedToItsShape) {
    auto request = requestFor("gan_rgb64.pt", 40);
    request.identity.priorSamples = 100;
    const auto ws = latent::buildWorkspace(request);
    EXPECT_EQ(ws.latents.count, 100u);
    EXPECT_EQ(ws.dataset.count, 0u);
    EXPECT_EQ(ws.reference.count, 40u);
    EXPECT_EQ(ws.reference.shape, (latent::ImageShape{3, 64, 64}));
    EXPECT_EQ(ws.reference.labels.size(), 40u);
    EXPECT_NE(ws.resizeNote.find("3x64x64"), std::string::npos);
    request.identity.dataPath.clear();
    EXPECT_EQ(latent::buildWorkspace(request).reference.count, 0u);
}

TEST(WorkspaceModels, VariationalEncoderKeepsTheLogvarOfEachItem) {
    const auto ws = latent::buildWorkspace(requestFor("mlp_vae.pt", 20));
    ASSERT_TRUE(ws.model->info().variationalEncoder);
    ASSERT_EQ(ws.logvars.count, 20u);
    ASSERT_EQ(ws.logvars.dim, ws.latents.dim);
    const auto pixels = ws.dataset.floatPixels(7, 1);
    const auto encoded = ws.model->encodeWithLogvar(pixels.data(), 1);
    for (std::size_t j = 0; j < ws.latents.dim; ++j) {  // a batch of 20 vs 1: float rounding only
        EXPECT_NEAR(ws.logvars.row(7)[j], encoded.logvar.row(0)[j], 1e-5);
        EXPECT_NEAR(ws.latents.row(7)[j], encoded.mu.row(0)[j], 1e-5);
    }
    EXPECT_EQ(latent::buildWorkspace(requestFor("conv_ae.pt", 10)).logvars.count, 0u);
}

TEST(WorkspaceModels, MatchingDatasetIsNotResized) {
    const auto ws = latent::buildWorkspace(requestFor("conv_ae.pt", 50));
    EXPECT_TRUE(ws.resizeNote.empty());
    EXPECT_EQ(ws.latents.count, 50u);
    EXPECT_EQ(ws.pca2.components(), 2u);
}

}  // namespace
