// The numbers a training run's timeline plots against the epoch, measured per checkpoint.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "latent/core/CheckpointMeasures.h"

namespace {

latent::Workspace checkpoint(const std::string& file) {
    latent::WorkspaceRequest request;
    request.identity.modelPath = std::filesystem::path(LATENT_CHECKPOINTS) / file;
    request.identity.dataPath = LATENT_DEFAULT_DATA_DIR;
    request.identity.split = "test";
    request.identity.limit = 1000;
    request.threads = 2;
    request.requireModel = true;
    return latent::buildWorkspace(request);
}

double value(const std::vector<latent::CardNumber>& numbers, const std::string& id) {
    for (const auto& number : numbers) {
        if (number.id == id) return number.value;
    }
    ADD_FAILURE() << "no number " << id;
    return NAN;
}

TEST(CheckpointMeasures, ALaterEpochReconstructsBetterAndEveryNumberIsMeasured) {
    latent::ReportOptions options;
    options.threads = 2;
    latent::ModelAgreement agreement;
    agreement.perItem.assign(1000, 0.25);
    agreement.mean = 0.25;
    const auto first = latent::measureCheckpoint(checkpoint("epoch_001.pt"), agreement, options);
    const auto last = latent::measureCheckpoint(checkpoint("epoch_003.pt"), agreement, options);

    ASSERT_EQ(first.size(), 6u);
    for (const auto& number : last) {
        EXPECT_TRUE(std::isfinite(number.value)) << number.id << ": " << number.sample;
        EXPECT_FALSE(number.label.empty());
        EXPECT_FALSE(number.sample.empty());
    }
    const double mseFirst = value(first, "reconstruction.mse"), mseLast = value(last, "reconstruction.mse");
    RecordProperty("mse", std::to_string(mseFirst) + " -> " + std::to_string(mseLast));
    EXPECT_LT(mseLast, mseFirst);
    EXPECT_GT(value(last, "prior.kl"), 0.0);
    EXPECT_GT(value(last, "separability.knn_latents"), 0.5);  // ten classes: chance is 0.1
    EXPECT_LE(value(last, "separability.knn_latents"), 1.0);
    EXPECT_GE(value(last, "compactness.active_dimensions"), 1.0);
    EXPECT_EQ(value(last, "agreement.mean"), 0.25);
}

TEST(CheckpointMeasures, WithoutAnAgreementItIsNotMeasuredAndSaysSo) {
    latent::ReportOptions options;
    options.threads = 2;
    const auto numbers = latent::measureCheckpoint(checkpoint("epoch_002.pt"), latent::ModelAgreement{}, options);
    EXPECT_TRUE(std::isnan(value(numbers, "agreement.mean")));
}

}  // namespace
