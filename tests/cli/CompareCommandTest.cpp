// `compare` end to end: a model agrees with itself on every item's neighbours; another
// model (an untrained VAE of 8 dimensions) agrees far less; bad arguments refused.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "CliRun.h"
#include "TempDir.h"

namespace {

std::vector<double> agreementsIn(const std::filesystem::path& csv) {
    const auto lines = linesOf(csv);
    std::vector<double> values;
    for (std::size_t i = 1; i < lines.size(); ++i) values.push_back(std::stod(lines[i].substr(lines[i].find(',') + 1)));
    return values;
}

TEST(CompareCommand, AModelAgreesWithItselfEverywhereAndAnotherModelFarLess) {
    TempDir dir;
    const auto same = run("compare --with " + quoted(LATENT_DEFAULT_MODEL) + " --limit 600 --threads 2 --out " +
                          quoted(dir / "same.csv"));
    ASSERT_EQ(same.exitCode, 0) << same.output;
    const auto lines = linesOf(dir / "same.csv");
    ASSERT_EQ(lines.size(), 601u);
    EXPECT_EQ(lines[0], "index,agreement");
    for (const double a : agreementsIn(dir / "same.csv")) ASSERT_EQ(a, 1.0);
    EXPECT_NE(same.output.find("mean 1, median 1, 0 items below 0.2"), std::string::npos) << same.output;
    const auto error = same.output.find("error ");
    ASSERT_NE(error, std::string::npos) << same.output;
    EXPECT_LT(std::stod(same.output.substr(error + 6)), 1e-3) << "the same PCA map";

    const auto other = std::filesystem::path(LATENT_MODEL_FIXTURES) / "mlp_vae.pt";
    const auto result = run("compare --with " + quoted(other) + " --limit 600 --threads 2 --out " + quoted(dir / "other.csv"));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const auto agreements = agreementsIn(dir / "other.csv");
    ASSERT_EQ(agreements.size(), 600u);
    double mean = 0.0;
    for (const double a : agreements) mean += a / 600.0;
    EXPECT_LT(mean, 0.8) << "an untrained model does not see what the trained one sees";
    EXPECT_GT(mean, 0.0);
    EXPECT_NE(result.output.find("16-d latents against 8-d"), std::string::npos) << result.output;
}

TEST(CompareCommand, AMissingSecondModelOrAnOutputOfAnotherKindIsRefused) {
    TempDir dir;
    EXPECT_EQ(run("compare --limit 100 --out " + quoted(dir / "a.csv")).exitCode, 1);
    EXPECT_EQ(run("compare --with " + quoted(LATENT_DEFAULT_MODEL) + " --limit 100 --out " + quoted(dir / "a.json")).exitCode, 1);
}

}  // namespace
