// A training run's checkpoints, in training order.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "TempDir.h"
#include "latent/core/Checkpoints.h"
#include "latent/core/Error.h"

namespace {

std::vector<std::string> names(const std::vector<latent::Checkpoint>& checkpoints) {
    std::vector<std::string> out;
    for (const auto& c : checkpoints) out.push_back(c.path.filename().string());
    return out;
}

TEST(Checkpoints, MetadataEpochsComeFirstThenStepsThenNumbersInNames) {
    std::vector<latent::Checkpoint> run = {
        {"run/vae_e10.pt", std::nullopt, std::nullopt, {}},
        {"run/last.pt", std::nullopt, std::nullopt, {}},
        {"run/vae_e9.pt", std::nullopt, std::nullopt, {}},
        {"run/b.pt", 12, std::nullopt, {}},  // the metadata wins over the name
        {"run/a.pt", 3, std::nullopt, {}},
        {"run/s.pt", std::nullopt, 500, {}},
    };
    latent::sortCheckpoints(run);
    EXPECT_EQ(names(run), (std::vector<std::string>{"a.pt", "b.pt", "s.pt", "vae_e9.pt", "vae_e10.pt", "last.pt"}));
    EXPECT_EQ(run[0].label, "epoch 3");
    EXPECT_EQ(run[2].label, "step 500");
    EXPECT_EQ(run[3].label, "vae_e9.pt");
}

TEST(Checkpoints, ATrainingRunsFolderOpensInEpochOrder) {
    const auto run = latent::listCheckpoints(LATENT_CHECKPOINTS);
    ASSERT_EQ(run.size(), 3u);
    for (std::size_t i = 0; i < run.size(); ++i) {
        EXPECT_EQ(run[i].epoch, std::optional<std::int64_t>(static_cast<std::int64_t>(i + 1)));
        EXPECT_EQ(run[i].label, "epoch " + std::to_string(i + 1));
    }
}

TEST(Checkpoints, AFolderWithoutARunOrWithABadFileIsRefused) {
    TempDir dir;
    EXPECT_THROW(latent::listCheckpoints(dir.path()), latent::Error);  // empty
    std::filesystem::copy_file(std::filesystem::path(LATENT_CHECKPOINTS) / "epoch_001.pt", dir / "epoch_001.pt");
    EXPECT_THROW(latent::listCheckpoints(dir.path()), latent::Error);  // one is no run
    std::ofstream(dir / "epoch_002.pt") << "not a model";
    try {
        latent::listCheckpoints(dir.path());
        ADD_FAILURE() << "a broken file was accepted";
    } catch (const latent::Error& e) {
        EXPECT_NE(std::string(e.what()).find("epoch_002.pt"), std::string::npos) << e.what();
    }
}

}  // namespace
