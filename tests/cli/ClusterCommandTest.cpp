// `cluster` end to end: a cluster id per item, the same for the same seed, from images or
// from a latents file; bad outputs refused before any work.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/ImageFileReader.h"
#include "latent/core/ImageIo.h"
#include "latent/core/NpyWriter.h"

namespace {

TEST(ClusterCommand, WritesAClusterPerItemAndTheSameSeedGivesTheSameFile) {
    TempDir dir;
    const auto first = dir / "a.csv", again = dir / "b.csv";
    const auto result = run("cluster --limit 1500 --threads 2 --out " + quoted(first));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("against the labels: ARI 0."), std::string::npos) << result.output;
    const auto lines = linesOf(first);
    ASSERT_EQ(lines.size(), 1501u);
    EXPECT_EQ(lines[0], "index,cluster");
    std::set<std::string> clusters;
    for (std::size_t i = 1; i < lines.size(); ++i) clusters.insert(lines[i].substr(lines[i].find(',') + 1));
    EXPECT_GE(clusters.size(), 5u) << "ten classes of garments";
    EXPECT_TRUE(clusters.count("0"));
    ASSERT_EQ(run("cluster --limit 1500 --threads 1 --out " + quoted(again)).exitCode, 0);
    EXPECT_EQ(linesOf(again), lines) << "the same seed, another thread count";
}

TEST(ClusterCommand, LatentsWithoutAModelAreClusteredToo) {
    TempDir dir;
    latent::LatentBatch latents(300, 2);
    for (std::size_t i = 0; i < 300; ++i) {  // three tight groups far apart: item i in group i % 3
        const auto x = static_cast<float>(i);
        latents.row(i)[0] = static_cast<float>(i % 3) * 50.0f + std::sin(x * 12.9898f);
        latents.row(i)[1] = std::cos(x * 78.233f);
    }
    latent::writeNpy(dir / "z.npy", latents);
    const auto result = run("cluster --in " + quoted(dir / "z.npy") + " --out " + quoted(dir / "c.csv"));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    const auto lines = linesOf(dir / "c.csv");
    ASSERT_EQ(lines.size(), 301u);
    // No cluster mixes two groups (a group may be split: modularity can prefer that).
    std::map<std::string, std::set<std::size_t>> groupsOf;
    for (std::size_t i = 0; i < 300; ++i) groupsOf[lines[i + 1].substr(lines[i + 1].find(',') + 1)].insert(i % 3);
    EXPECT_GE(groupsOf.size(), 3u);
    for (const auto& [cluster, groups] : groupsOf) EXPECT_EQ(groups.size(), 1u) << "cluster " << cluster;
}

TEST(ClusterCommand, AnOutputOfAnotherKindIsRefusedBeforeAnyWork) {
    TempDir dir;
    const auto result = run("cluster --limit 100 --out " + quoted(dir / "c.json"));
    EXPECT_EQ(result.exitCode, 1) << result.output;
}

}  // namespace

namespace {

TEST(ClusterCommand, PrototypesAreTheClustersDecodedMeansInOneGrid) {
    TempDir dir;
    const auto grid = dir / "prototypes.png";
    const auto result = run("cluster --limit 1500 --threads 2 --out " + quoted(dir / "c.csv") + " --prototypes " +
                            quoted(grid));
    ASSERT_EQ(result.exitCode, 0) << result.output;
    EXPECT_NE(result.output.find("the prototypes of"), std::string::npos) << result.output;
    EXPECT_NE(result.output.find("%)"), std::string::npos) << "named by their majority: " << result.output;
    std::set<std::string> clusters;
    const auto lines = linesOf(dir / "c.csv");
    for (std::size_t i = 1; i < lines.size(); ++i) clusters.insert(lines[i].substr(lines[i].find(',') + 1));
    const latent::Raster raster = latent::readImageFile(grid);
    const int tile = 28 * 2;  // the bundled model's 28 x 28 images, enlarged twice
    const int columns = static_cast<int>(std::min<std::size_t>(clusters.size(), 10));
    const int rows = static_cast<int>((clusters.size() + 9) / 10);
    EXPECT_GE(raster.width, columns * tile);
    EXPECT_LT(raster.width, (columns + 1) * tile);
    EXPECT_GE(raster.height, rows * tile);
    EXPECT_LT(raster.height, (rows + 1) * tile);

    latent::writeNpy(dir / "z.npy", latent::LatentBatch(100, 4));
    const auto refused = run("cluster --in " + quoted(dir / "z.npy") + " --out " + quoted(dir / "d.csv") +
                             " --prototypes " + quoted(dir / "p.png"));
    EXPECT_EQ(refused.exitCode, 2) << refused.output;
    EXPECT_NE(refused.output.find("needs --data and a model"), std::string::npos) << refused.output;
}

}  // namespace
