// The model runtime (LibTorch, liblatent_torch.so) is opened only when a model is needed:
// commands without a model run without it, and a missing runtime is one clear line.
#include <gtest/gtest.h>

#include <random>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/NpyWriter.h"

namespace {

const std::string kNoRuntime = "LATENT_TORCH_RUNTIME=/nonexistent/liblatent_torch.so";

TEST(ModelRuntime, CommandsWithoutAModelNeverOpenIt) {
    EXPECT_EQ(run("--help", kNoRuntime).exitCode, 0);
    TempDir dir;
    latent::LatentBatch z(300, 4);
    std::mt19937 rng(3);
    std::normal_distribution<float> normal;
    for (float& v : z.values) v = normal(rng);
    latent::writeNpy(dir / "z.npy", z);
    const auto r = run("project --in " + quoted(dir / "z.npy") + " --method pca --out " +
                           quoted(dir / "c.csv"),
                       kNoRuntime);
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_TRUE(std::filesystem::exists(dir / "c.csv"));
}

TEST(ModelRuntime, AMissingRuntimeIsOneLineNamingIt) {
    const auto r = run("info", kNoRuntime);
    EXPECT_EQ(r.exitCode, 2) << r.output;
    EXPECT_NE(r.output.find("the model runtime liblatent_torch.so (LibTorch) is missing"),
              std::string::npos)
        << r.output;
    EXPECT_EQ(r.output.find("searched:"), std::string::npos) << r.output;
    const auto verbose = run("info --verbose", kNoRuntime);
    EXPECT_NE(verbose.output.find("/nonexistent/liblatent_torch.so"), std::string::npos)
        << verbose.output;
}

TEST(ModelRuntime, AModelStillLoadsThroughIt) {
    const auto r = run("info");
    EXPECT_EQ(r.exitCode, 0) << r.output;
    EXPECT_NE(r.output.find("latent"), std::string::npos) << r.output;
}

}  // namespace
