// `score` end to end: the file holds the workspace's scores, scores the data cannot give
// are left out with why, and bad outputs are refused before any work.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <sstream>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Workspace.h"

namespace {

TEST(ScoreCommand, WritesEveryScoreOfTheBundledModelAsTheWorkspaceComputesThem) {
    TempDir dir;
    const auto csv = dir / "scores.csv";
    const auto result = run("score --data " + quoted(LATENT_DEFAULT_DATA_DIR) + " --limit 120 --out " + quoted(csv));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const auto lines = linesOf(csv);
    ASSERT_EQ(lines.size(), 121u);
    EXPECT_EQ(lines[0], "index,outlier_score,recon_mse,recon_bce,knn_distance,kl_to_prior,prior_log_density");

    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 120}, 256};
    const auto ws = latent::buildWorkspace(request);
    std::istringstream row(lines[8]);
    std::string cell;
    std::getline(row, cell, ',');
    EXPECT_EQ(cell, "7");
    for (const char* id : {"outlier_score", "recon_mse", "recon_bce", "knn_distance", "kl_to_prior", "prior_log_density"}) {
        ASSERT_TRUE(std::getline(row, cell, ','));
        EXPECT_NEAR(std::stod(cell), ws.scores.find(id)->values[7], 1e-5 * std::max(1.0, std::abs(ws.scores.find(id)->values[7])))
            << id;
    }

    const auto npy = dir / "scores.npy";
    ASSERT_EQ(run("score --limit 120 --out " + quoted(npy)).exitCode, 0);
    const auto table = latent::latentsFromArray(latent::readNpyFile(npy), npy.string());
    EXPECT_EQ(table.count, 120u);
    EXPECT_EQ(table.dim, 6u);
}

TEST(ScoreCommand, LatentsWithoutAModelGetTheLatentSpaceScoreAndSayWhyNotTheRest) {
    TempDir dir;
    latent::LatentBatch latents(50, 4);
    for (std::size_t i = 0; i < latents.values.size(); ++i) latents.values[i] = std::sin(static_cast<float>(i));
    latent::writeNpy(dir / "z.npy", latents);
    const auto csv = dir / "z.csv";
    const auto result = run("score --no-model --data " + quoted(dir / "z.npy") + " --out " + quoted(csv));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_EQ(linesOf(csv).front(), "index,knn_distance");
    EXPECT_NE(result.output.find("no recon_mse: there is no model"), std::string::npos) << result.output;
}

TEST(ScoreCommand, AnOutputOfAnotherKindIsRefusedBeforeAnyWork) {
    TempDir dir;
    const auto result = run("score --limit 10 --out " + quoted(dir / "scores.png"));
    EXPECT_EQ(result.exitCode, 1) << result.output;
    EXPECT_FALSE(std::filesystem::exists(dir / "scores.png"));
}

}  // namespace
