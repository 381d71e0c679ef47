// The batch steps a cluster scheduler fans out: `encode --shard`, `project --fit-sample
// --save-model`, `project --transform` and `merge`. Four shard processes run at once, as
// array jobs would, and their merged results equal the single-process run byte for byte.
#include <gtest/gtest.h>

#include <fstream>
#include <future>
#include <iterator>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/Dataset.h"
#include "latent/core/ImageIo.h"
#include "latent/core/NpyWriter.h"

namespace {

constexpr int kShards = 4;
// Seven encoder batches of 256 and one of 8: the single run's short last batch takes
// another path through the matrix products, so misaligned shards would differ in bits.
constexpr std::size_t kImages = 1800;

std::string bytesOf(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string shardName(const std::string& stem, int k) { return stem + "_00" + std::to_string(k) + ".npy"; }

class ScaleOut : public ::testing::Test {
protected:
    void SetUp() override {
        latent::Dataset images = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
        images.keepFirst(kImages);
        latent::writeNpy(dir_ / "images.npy", images);
    }

    // Runs `argsOf(k)` for every shard k in parallel; each must succeed.
    void runShards(const std::function<std::string(int)>& argsOf) {
        std::vector<std::future<RunResult>> jobs;
        for (int k = 0; k < kShards; ++k) jobs.push_back(std::async(std::launch::async, run, argsOf(k), ""));
        for (auto& job : jobs) {
            const RunResult r = job.get();
            EXPECT_EQ(r.exitCode, 0) << r.output;
        }
    }

    std::string mergeArgs(const std::string& stem, const std::string& out) {
        std::string args = "merge --out " + quoted(dir_ / out);
        for (int k = 0; k < kShards; ++k) args += " " + quoted(dir_ / shardName(stem, k));
        return args;
    }

    TempDir dir_;
};

TEST_F(ScaleOut, ShardsEncodedInParallelMergeToTheSingleRun) {
    ASSERT_EQ(run("encode --data " + quoted(dir_ / "images.npy") + " --out " + quoted(dir_ / "all.npy")).exitCode, 0);
    runShards([&](int k) {
        return "encode --data " + quoted(dir_ / "images.npy") + " --shard " + std::to_string(k) + "/" +
               std::to_string(kShards) + " --out " + quoted(dir_ / shardName("z", k));
    });
    // Whole batches: 512, 512, 512 and 264 rows.
    EXPECT_EQ(bytesOf(dir_ / shardName("z", 0)).size(), bytesOf(dir_ / shardName("z", 1)).size());
    EXPECT_LT(bytesOf(dir_ / shardName("z", 3)).size(), bytesOf(dir_ / shardName("z", 0)).size());
    const RunResult merged = run(mergeArgs("z", "merged.npy"));
    ASSERT_EQ(merged.exitCode, 0) << merged.output;
    const std::string all = bytesOf(dir_ / "all.npy");
    ASSERT_GT(all.size(), kImages * 16u * 4u);
    EXPECT_TRUE(bytesOf(dir_ / "merged.npy") == all) << "merged shards differ from the single run";
}

TEST_F(ScaleOut, ShardsOfAnImageFolderReadOnlyTheirFilesAndMergeToTheSingleRun) {
    const latent::Dataset images = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    for (std::size_t i = 0; i < 600; ++i) {  // three batches of 256, the last short
        latent::Raster raster{28, 28, 1, {}};
        const auto first = images.pixels.begin() + static_cast<std::ptrdiff_t>(i * 784);
        raster.pixels.assign(first, first + 784);
        const auto folder = dir_ / "folder" / (i % 2 ? "odd" : "even");
        std::filesystem::create_directories(folder);
        latent::writePng(folder / ("image_" + std::to_string(1000 + i) + ".png"), raster);
    }
    const std::string folder = quoted(dir_ / "folder");
    ASSERT_EQ(run("encode --data " + folder + " --out " + quoted(dir_ / "all.npy")).exitCode, 0);
    std::string merge = "merge --out " + quoted(dir_ / "merged.npy");
    for (int k = 0; k < 3; ++k) {
        const auto out = dir_ / shardName("z", k);
        const RunResult r = run("encode --data " + folder + " --shard " + std::to_string(k) + "/3 --out " + quoted(out));
        ASSERT_EQ(r.exitCode, 0) << r.output;
        merge += " " + quoted(out);
    }
    ASSERT_EQ(run(merge).exitCode, 0);
    EXPECT_TRUE(bytesOf(dir_ / "merged.npy") == bytesOf(dir_ / "all.npy"));
}

TEST_F(ScaleOut, ShardsPlacedInParallelOnASavedMapMergeToTheSingleRun) {
    ASSERT_EQ(run("encode --data " + quoted(dir_ / "images.npy") + " --out " + quoted(dir_ / "all.npy")).exitCode, 0);
    const std::string fit = "project --in " + quoted(dir_ / "all.npy") +
                            " --method umap --fit-sample 600 --iterations 100 --seed 7 --save-model ";
    const RunResult fitted = run(fit + quoted(dir_ / "m.umap"));
    ASSERT_EQ(fitted.exitCode, 0) << fitted.output;
    ASSERT_EQ(run(fit + quoted(dir_ / "again.umap")).exitCode, 0);
    EXPECT_TRUE(bytesOf(dir_ / "m.umap") == bytesOf(dir_ / "again.umap")) << "same seed, another model";

    runShards([&](int k) {
        return "encode --data " + quoted(dir_ / "images.npy") + " --shard " + std::to_string(k) + "/" +
               std::to_string(kShards) + " --out " + quoted(dir_ / shardName("z", k));
    });
    runShards([&](int k) {
        return "project --transform " + quoted(dir_ / "m.umap") + " --in " + quoted(dir_ / shardName("z", k)) +
               " --out " + quoted(dir_ / shardName("xy", k));
    });
    ASSERT_EQ(run(mergeArgs("xy", "merged.npy")).exitCode, 0);
    const RunResult whole = run("project --transform " + quoted(dir_ / "m.umap") + " --in " +
                                quoted(dir_ / "all.npy") + " --threads 2 --out " + quoted(dir_ / "xy.npy"));
    ASSERT_EQ(whole.exitCode, 0) << whole.output;
    const std::string xy = bytesOf(dir_ / "xy.npy");
    ASSERT_GT(xy.size(), kImages * 2u * 4u);
    EXPECT_TRUE(bytesOf(dir_ / "merged.npy") == xy) << "placed shards differ from the single run";
}

TEST_F(ScaleOut, FitSampleWritesEveryRowAndKeepsTheSampleOnItsMap) {
    ASSERT_EQ(run("encode --data " + quoted(dir_ / "images.npy") + " --out " + quoted(dir_ / "all.npy")).exitCode, 0);
    const RunResult r = run("project --in " + quoted(dir_ / "all.npy") +
                            " --method umap --fit-sample 600 --iterations 100 --out " + quoted(dir_ / "xy.npy"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(bytesOf(dir_ / "xy.npy").size(), 128u + kImages * 2u * 4u);
}

TEST_F(ScaleOut, BadShardsAndModelsAreRefusedWithAMessage) {
    const std::string images = quoted(dir_ / "images.npy");
    RunResult r = run("encode --data " + images + " --shard 4/4 --out " + quoted(dir_ / "z.npy"));
    EXPECT_EQ(r.exitCode, 1);
    EXPECT_NE(r.output.find("0 <= K < N"), std::string::npos) << r.output;
    r = run("encode --data " + images + " --shard 8/9 --out " + quoted(dir_ / "z.npy"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("use at most 8 shards"), std::string::npos) << r.output;

    ASSERT_EQ(run("encode --data " + images + " --limit 300 --out " + quoted(dir_ / "z.npy")).exitCode, 0);
    r = run("project --in " + quoted(dir_ / "z.npy") + " --method tsne --save-model " + quoted(dir_ / "m.umap"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("need --method umap"), std::string::npos) << r.output;
    r = run("project --in " + quoted(dir_ / "z.npy") + " --method umap");
    EXPECT_EQ(r.exitCode, 1) << "neither --out nor --save-model";

    ASSERT_EQ(run("project --in " + quoted(dir_ / "z.npy") + " --method umap --iterations 50 --save-model " +
                  quoted(dir_ / "m.umap"))
                  .exitCode,
              0);
    const std::string model = bytesOf(dir_ / "m.umap");
    std::ofstream(dir_ / "cut.umap", std::ios::binary) << model.substr(0, model.size() - 100);
    r = run("project --transform " + quoted(dir_ / "cut.umap") + " --in " + quoted(dir_ / "z.npy") + " --out " +
            quoted(dir_ / "xy.npy"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("cut short"), std::string::npos) << r.output;
    EXPECT_FALSE(std::filesystem::exists(dir_ / "xy.npy"));

    latent::LatentBatch narrow(3, 2);
    latent::writeNpy(dir_ / "narrow.npy", narrow);
    r = run("merge --out " + quoted(dir_ / "m.npy") + " " + quoted(dir_ / "z.npy") + " " + quoted(dir_ / "narrow.npy"));
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.output.find("2 columns"), std::string::npos) << r.output;
}

}  // namespace
