// Runs the latent-explorer subcommands end to end and checks their outputs against the
// library called directly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/DecodeLatents.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/ImageFileReader.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Model.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"

namespace {

class Cli : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        latent::setInferenceThreads(1);  // as the commands run, so results match bit for bit
        model_ = latent::Model::load(LATENT_DEFAULT_MODEL);
        data_ = new latent::Dataset(latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test"));
        data_->keepFirst(40);
    }
    static void TearDownTestSuite() {
        delete data_;
        model_.reset();
    }
    static latent::LatentBatch readLatents(const std::filesystem::path& path) {
        return latent::latentsFromArray(latent::readNpyFile(path), path.string());
    }
    static void expectSameLatents(const latent::LatentBatch& got, const latent::LatentBatch& want) {
        ASSERT_EQ(got.count, want.count);
        ASSERT_EQ(got.dim, want.dim);
        for (std::size_t i = 0; i < got.values.size(); ++i) {
            ASSERT_NEAR(got.values[i], want.values[i], 1e-5f) << "element " << i;
        }
    }

    static std::shared_ptr<latent::Model> model_;
    static latent::Dataset* data_;
    TempDir dir_;
};

std::shared_ptr<latent::Model> Cli::model_;
latent::Dataset* Cli::data_ = nullptr;

TEST_F(Cli, InfoPrintsTheModelContractAsJson) {
    const auto r = run("info --json");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto j = nlohmann::json::parse(r.output);
    const auto& info = model_->info();
    EXPECT_EQ(j.at("latent_dim").get<std::size_t>(), info.latentDim);
    EXPECT_EQ(j.at("image_shape"), (nlohmann::json{info.imageShape.channels, info.imageShape.height,
                                                   info.imageShape.width}));
    EXPECT_EQ(j.at("has_encoder").get<bool>(), info.hasEncoder);
    EXPECT_EQ(j.at("parameters").get<std::int64_t>(), info.parameterCount);
    EXPECT_EQ(j.at("name").get<std::string>(), info.name);
    const auto text = run("info");
    EXPECT_NE(text.output.find("latent size:  " + std::to_string(info.latentDim)),
              std::string::npos)
        << text.output;
}

TEST_F(Cli, VersionNamesTheAppAndTheLibrariesItRunsOn) {
    const auto r = run("--version");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output.rfind("latent-explorer " LATENT_VERSION "\n", 0), 0u) << r.output;
    for (const char* library : {"\nQt 6.", "\nVTK 9.", "\nLibTorch 1."}) {
        EXPECT_NE(r.output.find(library), std::string::npos) << library << " in " << r.output;
    }
}

TEST_F(Cli, TheBundledModelIsFoundBesideTheBinaryNotAtACompiledInPath) {
    // The app's default model is the one in share/latent-explorer above the binary's folder.
    const auto r = run("info");
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto beside = std::filesystem::path(LATENT_EXPLORER_EXE).parent_path().parent_path() / "share" /
                        "latent-explorer" / "models" / "fashion_vae.pt";
    EXPECT_NE(r.output.find("file:         " + beside.string()), std::string::npos) << r.output;
}

TEST_F(Cli, EncodesAnIdxFolderLikeTheLibraryAndQuietlyWhenPiped) {
    const auto out = dir_ / "z.npy";
    const auto r = run("encode --data " + quoted(LATENT_DEFAULT_DATA_DIR) + " --limit 40 --out " +
                       quoted(out));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    EXPECT_EQ(r.output, "");  // no progress bar or chatter in a pipe
    expectSameLatents(readLatents(out), latent::encodeDataset(*model_, *data_));
}

TEST_F(Cli, EncodesNpyAndImageFolders) {
    latent::writeNpy(dir_ / "images.npy", *data_);
    const auto r =
        run("encode --data " + quoted(dir_ / "images.npy") + " --out " + quoted(dir_ / "a.npy"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto want = latent::encodeDataset(*model_, *data_);
    expectSameLatents(readLatents(dir_ / "a.npy"), want);

    // The first three images as PNG files (lossless, grey) encode to the same latents.
    std::filesystem::create_directories(dir_ / "pngs");
    for (std::size_t i = 0; i < 3; ++i) {
        latent::writePng(dir_ / "pngs" / ("img" + std::to_string(i) + ".png"),
                         latent::toRaster(data_->image(i)));
    }
    const auto f =
        run("encode --data " + quoted(dir_ / "pngs") + " --out " + quoted(dir_ / "b.npy"));
    ASSERT_EQ(f.exitCode, 0) << f.output;
    latent::LatentBatch firstThree(3, want.dim);
    std::copy_n(want.values.begin(), 3 * want.dim, firstThree.values.begin());
    expectSameLatents(readLatents(dir_ / "b.npy"), firstThree);
}

TEST_F(Cli, DecodesToImageFilesAndAGrid) {
    latent::LatentBatch z(3, model_->info().latentDim);
    for (std::size_t i = 0; i < z.values.size(); ++i)
        z.values[i] = 0.3f * static_cast<float>(i % 7) - 0.9f;
    latent::writeNpy(dir_ / "z.npy", z);
    const auto r =
        run("decode --latents " + quoted(dir_ / "z.npy") + " --out " + quoted(dir_ / "out"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto want = latent::decodeLatents(*model_, z);
    for (std::size_t i = 0; i < 3; ++i) {
        const auto png =
            latent::readImageFile(dir_ / "out" / ("0000" + std::to_string(i) + ".png"));
        EXPECT_EQ(png.pixels, latent::toRaster(want[i]).pixels) << "image " << i;
    }
    EXPECT_FALSE(std::filesystem::exists(dir_ / "out" / "00003.png"));

    const auto g = run("decode --latents " + quoted(dir_ / "z.npy") + " --grid " +
                       quoted(dir_ / "grid.png") + " --columns 2 --scale 2");
    ASSERT_EQ(g.exitCode, 0) << g.output;
    EXPECT_EQ(latent::readImageFile(dir_ / "grid.png").pixels,
              latent::makeGrid(want, 2, 2, 2).pixels);
}

TEST_F(Cli, BadUsageExitsWithOneAndAMessage) {
    const auto help = run("encode --help");
    EXPECT_EQ(help.exitCode, 0);
    EXPECT_NE(help.output.find("--data"), std::string::npos);
    const auto noData = run("encode --out x.npy");
    EXPECT_EQ(noData.exitCode, 1);
    EXPECT_NE(noData.output.find("--data is required"), std::string::npos) << noData.output;
    const auto missing = run("decode --latents /nonexistent.npy --out d");
    EXPECT_EQ(missing.exitCode, 1);
    EXPECT_NE(missing.output.find("/nonexistent.npy"), std::string::npos) << missing.output;
    const auto neither = run("decode --latents " + quoted(LATENT_DEFAULT_MODEL));
    EXPECT_EQ(neither.exitCode, 1);
    EXPECT_NE(neither.output.find("--out DIR or --grid"), std::string::npos) << neither.output;
    EXPECT_EQ(run("info --bogus").exitCode, 1);
}

TEST_F(Cli, BadInputExitsWithTwoAndAMessage) {
    latent::writeNpy(dir_ / "wrong.npy", latent::LatentBatch(2, 3));
    const auto wrongDim =
        run("decode --latents " + quoted(dir_ / "wrong.npy") + " --out " + quoted(dir_ / "o"));
    EXPECT_EQ(wrongDim.exitCode, 2);
    EXPECT_NE(wrongDim.output.find("3 dimensions but the model expects"), std::string::npos)
        << wrongDim.output;
    const auto notNpy =
        run("decode --latents " + quoted(LATENT_DEFAULT_MODEL) + " --out " + quoted(dir_ / "o"));
    EXPECT_EQ(notNpy.exitCode, 2);
    EXPECT_NE(notNpy.output.find("not a .npy file"), std::string::npos) << notNpy.output;
    const auto notModel = run("info --model " + quoted(dir_ / "wrong.npy"));
    EXPECT_EQ(notModel.exitCode, 2);
    EXPECT_NE(notModel.output.find("wrong.npy"), std::string::npos) << notModel.output;
    // With --json the failed check is JSON on stdout as well.
    const auto notModelJson = run("info --json --model " + quoted(dir_ / "wrong.npy"));
    EXPECT_EQ(notModelJson.exitCode, 2);
    const auto& out = notModelJson.output;  // the JSON, and the stderr line before or after it
    const auto failure = nlohmann::json::parse(out.substr(out.find('{'), out.rfind('}') - out.find('{') + 1));
    EXPECT_FALSE(failure.at("error_kind").get<std::string>().empty());
    EXPECT_NE(failure.at("error").get<std::string>().find("wrong.npy"), std::string::npos);
}

}  // namespace
