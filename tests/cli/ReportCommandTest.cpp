// `report` end to end: the card printed as text or JSON, saved as a page, and refused
// outputs before any work.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/NpyWriter.h"

namespace {

constexpr const char* kSmall = "report --limit 400 --sample 200 --threads 2";

TEST(ReportCommand, PrintsTheFivePropertiesWithTheirSamples) {
    const auto result = run(kSmall);
    ASSERT_EQ(result.exitCode, 0) << result.output;
    for (const char* title : {"Continuity:", "Disentanglement:", "Compactness:", "Separability:", "Generalisation:"}) {
        EXPECT_NE(result.output.find(title), std::string::npos) << title << "\n" << result.output;
    }
    EXPECT_NE(result.output.find("linear classifier on the latents: 0."), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("200 items, 5 folds, seed 1"), std::string::npos) << result.output;
}

TEST(ReportCommand, JsonToStdoutAndAPageToAFileHoldTheSameCard) {
    TempDir dir;
    const auto page = dir / "card.html";
    const auto result = run(std::string(kSmall) + " --json --seed 3 --out " + quoted(page));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const auto start = result.output.find('{');
    ASSERT_NE(start, std::string::npos) << result.output;
    const auto json = nlohmann::json::parse(result.output.substr(start, result.output.rfind('}') - start + 1));
    EXPECT_EQ(json.at("seed").get<int>(), 3);
    EXPECT_EQ(json.at("items").get<int>(), 400);
    ASSERT_EQ(json.at("sections").size(), 5u);
    ASSERT_TRUE(std::filesystem::exists(page));
    std::ifstream html(page);
    const std::string text((std::istreambuf_iterator<char>(html)), std::istreambuf_iterator<char>());
    EXPECT_NE(text.find("<h2>Separability</h2>"), std::string::npos);
}

// A generator-only model and latents without a model: what can be measured is, the rest
// says why.
TEST(ReportCommand, AGeneratorAndLatentsWithoutAModelGetTheSectionsTheyCanHave) {
    const auto generator = run("report --model " + quoted(std::filesystem::path(LATENT_MODEL_FIXTURES) / "gan_rgb64.pt"));
    ASSERT_EQ(generator.exitCode, 0) << generator.output;
    EXPECT_NE(generator.output.find("mean image change per unit of latent distance:"), std::string::npos);
    EXPECT_NE(generator.output.find("not measured: the model has no encoder"), std::string::npos) << generator.output;

    TempDir dir;
    latent::LatentBatch latents(120, 5);
    for (std::size_t i = 0; i < latents.values.size(); ++i) latents.values[i] = std::cos(0.37f * static_cast<float>(i));
    latent::writeNpy(dir / "z.npy", latents);
    const auto bare = run("report --no-model --data " + quoted(dir / "z.npy"));
    ASSERT_EQ(bare.exitCode, 0) << bare.output;
    EXPECT_NE(bare.output.find("effective dimensionality (participation ratio):"), std::string::npos) << bare.output;
    EXPECT_NE(bare.output.find("not measured: there is no model to decode with"), std::string::npos) << bare.output;
}

TEST(ReportCommand, AnOutputOfAnotherKindIsRefusedBeforeAnyWork) {
    TempDir dir;
    const auto result = run(std::string(kSmall) + " --out " + quoted(dir / "card.pdf"));
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "card.pdf"));
}

}  // namespace
