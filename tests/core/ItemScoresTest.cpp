// Per-item scores: reconstruction error, distance to the data, KL to the prior and the
// prior's density, checked by hand on small cases and against PyTorch and scikit-learn
// (tests/fixtures/make_score_references.py, run at build time) on the bundled model.
#include "latent/core/ItemScores.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <functional>
#include <limits>
#include <memory>
#include <nlohmann/json.hpp>
#include <numbers>
#include <random>

#include "TempDir.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Workspace.h"

namespace {

latent::Image imageOf(std::vector<float> pixels) {
    latent::Image image;
    image.shape = {1, 1, static_cast<int>(pixels.size())};
    image.pixels = std::move(pixels);
    return image;
}

TEST(ItemScores, ReconstructionErrorIsPerPixelAndNaNWhereTheModelGaveNoAnswer) {
    latent::ReconstructionErrors errors(3, true);
    const std::vector<float> originals = {0.0f, 1.0f, 0.5f, 0.5f};  // two items of 2 pixels
    latent::Image broken = imageOf({0.0f, 0.0f});
    broken.hadNonFinite = true;
    errors.add(1, originals, {imageOf({0.5f, 1.0f}), broken});
    EXPECT_TRUE(std::isnan(errors.mse()[0])) << "item 0 was never added";
    EXPECT_DOUBLE_EQ(errors.mse()[1], (0.25 + 0.0) / 2);
    EXPECT_TRUE(std::isnan(errors.mse()[2]));
    // -(0 ln 0.5 + 1 ln 0.5) for the first pixel; the second decodes 1 exactly for a 1: 0.
    EXPECT_NEAR(errors.bce()[1], std::log(2.0) / 2, 1e-12);
    EXPECT_NEAR(errors.bceExcess()[1], std::log(2.0) / 2, 1e-12) << "black and white pixels have no entropy";
    // A grey image reproduced exactly has a cross-entropy (its own entropy) but no excess.
    latent::ReconstructionErrors grey(1, true);
    grey.add(0, {0.5f, 0.25f}, {imageOf({0.5f, 0.25f})});
    EXPECT_NEAR(grey.bce()[0], (std::log(2.0) - 0.25 * std::log(0.25) - 0.75 * std::log(0.75)) / 2, 1e-12);
    EXPECT_NEAR(grey.bceExcess()[0], 0.0, 1e-12);
    EXPECT_TRUE(std::isnan(errors.bce()[2]));
}

TEST(ItemScores, CrossEntropyOfACertainWrongPixelIsCappedAsPyTorchCapsIt) {
    latent::ReconstructionErrors errors(1, true);
    errors.add(0, {1.0f}, {imageOf({0.0f})});
    EXPECT_DOUBLE_EQ(errors.bce()[0], 100.0);  // log(0) clamped at -100
    latent::ReconstructionErrors mseOnly(1, false);
    mseOnly.add(0, {1.0f}, {imageOf({0.0f})});
    EXPECT_TRUE(mseOnly.bce().empty());
    EXPECT_DOUBLE_EQ(mseOnly.mse()[0], 1.0);
}

TEST(ItemScores, KlAndPriorDensityInClosedFormCases) {
    latent::LatentBatch mu(2, 2), logvar(2, 2);
    mu.values = {0.0f, 0.0f, 1.0f, -2.0f};
    logvar.values = {0.0f, 0.0f, std::log(4.0f), 0.0f};
    const auto kl = latent::klToPrior(mu, logvar);
    EXPECT_DOUBLE_EQ(kl[0], 0.0);  // the posterior is the prior
    // 0.5 * [(1 + 4 - 1 - ln 4) + (4 + 1 - 1 - 0)]
    EXPECT_NEAR(kl[1], 0.5 * ((4.0 - std::log(4.0)) + 4.0), 1e-6);
    const auto density = latent::priorLogDensity(mu);
    EXPECT_NEAR(density[0], -std::log(2.0 * std::numbers::pi), 1e-12);
    EXPECT_NEAR(density[1], -0.5 * 5.0 - std::log(2.0 * std::numbers::pi), 1e-12);
    EXPECT_THROW(latent::klToPrior(mu, latent::LatentBatch(2, 3)), latent::Error);
}

TEST(ItemScores, OutliersAreTheItemsAtOrAboveTheThresholdHighestFirst) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    const std::vector<double> values = {0.1, 0.9, nan, 0.5, 0.9, 0.2};
    EXPECT_EQ(latent::itemsAtOrAbove(values, 0.5), (std::vector<std::size_t>{1, 4, 3}));
    EXPECT_TRUE(latent::itemsAtOrAbove(values, 1.0).empty());
    EXPECT_EQ(latent::itemsAtOrAbove(values, -1.0).size(), 5u);  // every finite value, never NaN
}

TEST(ItemScores, QuantilesInterpolateAsNumPyDoes) {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // numpy.quantile([1, 2, 3, 4, 10], [0, 0.5, 0.9, 1]) = [1, 3, 7.6, 10]
    const std::vector<double> values = {4, nan, 1, 10, 3, 2};
    EXPECT_DOUBLE_EQ(latent::quantile(values, 0.0), 1.0);
    EXPECT_DOUBLE_EQ(latent::quantile(values, 0.5), 3.0);
    EXPECT_DOUBLE_EQ(latent::quantile(values, 0.9), 7.6);
    EXPECT_DOUBLE_EQ(latent::quantile(values, 1.0), 10.0);
    EXPECT_TRUE(std::isnan(latent::quantile({nan}, 0.5)));
}

TEST(ItemScores, PixelErrorsAverageTheChannels) {
    latent::Image a, b;
    a.shape = b.shape = {2, 1, 2};
    a.pixels = {0.0f, 1.0f, 0.5f, 0.5f};  // channel 0 then channel 1
    b.pixels = {1.0f, 1.0f, 0.0f, 0.25f};
    const auto errors = latent::pixelErrors(a, b);
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_FLOAT_EQ(errors[0], (1.0f + 0.5f) / 2);
    EXPECT_FLOAT_EQ(errors[1], (0.0f + 0.25f) / 2);
    b.shape = {1, 2, 2};
    EXPECT_THROW(latent::pixelErrors(a, b), latent::Error);
}

TEST(ItemScores, AnOutlierListNamesRankIndexLabelAndScore) {
    TempDir dir;
    latent::Dataset data;
    data.labels = {0, 1, 1};
    data.classNames = {"plain", "with, comma"};
    latent::ScoreColumn score{"recon_mse", "reconstruction error (MSE)", "", {0.5, 0.25, std::nan("")}, ""};
    latent::writeOutlierList(dir / "worst.csv", {0, 2, 1}, score, data);
    std::ifstream in(dir / "worst.csv");
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(text, "rank,index,label,recon_mse\n1,0,plain,0.5\n2,2,\"with, comma\",\n3,1,\"with, comma\",0.25\n");
}

std::vector<double> referenceOf(const nlohmann::json& reference, const std::string& id) {
    return reference.at(id).get<std::vector<double>>();
}

// The bundled VAE on the first 500 test images: every score as PyTorch and scikit-learn
// compute it, and each available score is a numeric column for Colour by and exports.
TEST(ItemScores, TheBundledModelsScoresMatchPyTorchAndScikitLearn) {
    std::ifstream file(std::filesystem::path(LATENT_SCORE_REFERENCES) / "scores.json");
    ASSERT_TRUE(file.good()) << "the reference scores were not written at build time";
    const auto reference = nlohmann::json::parse(file);
    const std::size_t count = reference.at("count").get<std::size_t>();
    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", count}, 64};
    const latent::Workspace ws = latent::buildWorkspace(request);
    ASSERT_EQ(ws.latents.count, count);
    // Relative tolerances: LibTorch and PyTorch run the same float32 kernels, but batches
    // of another size may sum in another order.
    const std::vector<std::pair<std::string, double>> checks = {
        {"outlier_score", 1e-3}, {"recon_mse", 1e-4}, {"recon_bce", 1e-4}, {"kl_to_prior", 1e-4}, {"prior_log_density", 1e-5},
        {"knn_distance", 1e-4}};
    for (const auto& [id, tolerance] : checks) {
        const latent::ScoreColumn* score = ws.scores.find(id);
        ASSERT_NE(score, nullptr) << id;
        ASSERT_TRUE(score->available()) << id << ": " << score->unavailable;
        const auto expected = referenceOf(reference, id);
        ASSERT_EQ(score->values.size(), expected.size()) << id;
        for (std::size_t i = 0; i < count; ++i) {
            ASSERT_NEAR(score->values[i], expected[i], tolerance * std::max(1.0, std::abs(expected[i])))
                << id << " of item " << i;
        }
        const auto& column = ws.metadata.column(score->title);
        EXPECT_TRUE(column.numeric) << score->title;
        EXPECT_EQ(column.numbers.size(), count);
    }
}

// Images of other kinds, drawn here so the test needs no other dataset: each is unlike a
// garment in a different way (too busy, too plain, inverted, thin strokes).
using Drawing = std::function<std::uint8_t(int y, int x)>;

// A stroke of width ~2 px from (y0, x0) to (y1, x1), anti-aliased: a digit-like line.
double strokeInk(double y, double x, double y0, double x0, double y1, double x1) {
    const double dy = y1 - y0, dx = x1 - x0;
    const double t = std::clamp(((y - y0) * dy + (x - x0) * dx) / (dy * dy + dx * dx), 0.0, 1.0);
    const double distance = std::hypot(y - (y0 + t * dy), x - (x0 + t * dx));
    return std::clamp(1.5 - distance, 0.0, 1.0);
}

std::vector<Drawing> strangerKinds(const latent::Dataset& data, std::mt19937& rng) {
    const std::size_t perImage = data.shape.pixelCount();
    const int width = data.shape.width;
    const std::uint8_t* garment = data.pixels.data() + 5 * perImage;
    auto noise = std::make_shared<std::vector<std::uint8_t>>(perImage);
    for (auto& p : *noise) p = static_cast<std::uint8_t>(rng() % 256);
    auto shuffled = std::make_shared<std::vector<std::uint8_t>>(garment, garment + perImage);
    std::shuffle(shuffled->begin(), shuffled->end(), rng);
    return {
        [=](int y, int x) { return static_cast<std::uint8_t>(255 - garment[y * width + x]); },  // inverted
        [=](int y, int x) { return (*noise)[y * width + x]; },                                     // noise
        [=](int y, int x) { return (*shuffled)[y * width + x]; },  // a garment's pixels scattered
        [](int y, int) { return static_cast<std::uint8_t>(y / 2 % 2 * 255); },     // stripes
        [](int, int) { return std::uint8_t{0}; },                                 // a blank page
        [](int y, int x) {  // a "7"
            const double ink = std::max(strokeInk(y, x, 6, 8, 6, 20), strokeInk(y, x, 6, 20, 23, 11));
            return static_cast<std::uint8_t>(255 * ink);
        },
        [](int y, int x) {  // a "1"
            return static_cast<std::uint8_t>(255 * std::max(strokeInk(y, x, 5, 15, 23, 13), strokeInk(y, x, 5, 15, 9, 11)));
        },
    };
}

// The outlier score finds what the model does not understand without knowing what to look
// for: each stranger must rank above every one of the 1,000 garments. (Reconstruction error
// alone ranks the blank page among the best-understood items; the raw cross-entropy puts
// grey garments above the noise.)
TEST(ItemScores, ImagesOfAnotherKindMixedIntoTheDataComeOutOnTop) {
    TempDir dir;
    latent::Dataset data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    data.keepFirst(1000);
    data.labels.clear();
    std::mt19937 rng(3);
    const std::vector<Drawing> kinds = strangerKinds(data, rng);
    std::vector<std::size_t> strangers;
    for (std::size_t k = 0; k < kinds.size(); ++k) {
        const std::size_t at = 37 + k * 131;  // spread through the data
        std::uint8_t* pixels = data.pixels.data() + at * data.shape.pixelCount();
        for (int y = 0; y < data.shape.height; ++y) {
            for (int x = 0; x < data.shape.width; ++x) pixels[y * data.shape.width + x] = kinds[k](y, x);
        }
        strangers.push_back(at);
    }
    latent::writeNpy(dir / "mixed.npy", data);
    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, dir / "mixed.npy", "test", 0}, 256};
    const latent::Workspace ws = latent::buildWorkspace(request);
    const auto ranking = latent::itemsAtOrAbove(ws.scores.find("outlier_score")->values, -INFINITY);
    for (std::size_t k = 0; k < strangers.size(); ++k) {
        const auto rank = std::find(ranking.begin(), ranking.end(), strangers[k]) - ranking.begin() + 1;
        EXPECT_LE(rank, static_cast<std::ptrdiff_t>(strangers.size())) << "stranger of kind " << k;
    }
}

TEST(ItemScores, AGeneratorOnlyModelSaysWhyItHasNoReconstructionOrPosterior) {
    latent::WorkspaceRequest request;
    request.identity.modelPath = std::filesystem::path(LATENT_MODEL_FIXTURES) / "gan_rgb64.pt";
    request.identity.priorSamples = 200;
    const latent::Workspace ws = latent::buildWorkspace(request);
    for (const char* id : {"outlier_score", "recon_mse", "recon_bce"}) {
        const auto* score = ws.scores.find(id);
        ASSERT_NE(score, nullptr);
        EXPECT_FALSE(score->available());
        EXPECT_NE(score->unavailable.find("no encoder"), std::string::npos) << score->unavailable;
        EXPECT_TRUE(score->values.empty());
    }
    EXPECT_NE(ws.scores.find("kl_to_prior")->unavailable.find("prior samples"), std::string::npos);
    EXPECT_TRUE(ws.scores.find("knn_distance")->available());
    EXPECT_THROW(ws.metadata.column("reconstruction error (MSE)"), latent::Error);
}

TEST(ItemScores, LatentsWithoutAModelGetTheLatentSpaceScoreOnly) {
    TempDir dir;
    latent::LatentBatch latents(40, 3);
    for (std::size_t i = 0; i < latents.values.size(); ++i) latents.values[i] = static_cast<float>(i % 17) * 0.25f;
    latent::writeNpy(dir / "latents.npy", latents);
    latent::WorkspaceRequest request;
    request.identity.dataPath = dir / "latents.npy";
    const latent::Workspace ws = latent::buildWorkspace(request);
    EXPECT_NE(ws.scores.find("recon_mse")->unavailable.find("no model"), std::string::npos);
    EXPECT_NE(ws.scores.find("outlier_score")->unavailable.find("no model"), std::string::npos);
    EXPECT_FALSE(ws.scores.find("kl_to_prior")->available());
    const auto* distance = ws.scores.find("knn_distance");
    ASSERT_TRUE(distance->available());
    ASSERT_EQ(distance->values.size(), 40u);
    EXPECT_EQ(ws.metadata.rowCount, 40u);
    EXPECT_TRUE(ws.metadata.column(distance->title).numeric);
}

}  // namespace
