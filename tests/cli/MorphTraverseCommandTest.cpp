// `morph` and `traverse` end to end: image sizes and pixels equal to core's decode of the
// same latents, and bad indices or options refused with a message.
#include <gtest/gtest.h>

#include <fstream>

#include "CliRun.h"
#include "TempDir.h"
#include "latent/core/DimensionStats.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/ImageFileReader.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Interpolation.h"
#include "latent/core/Model.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Traversal.h"

namespace {

class MorphTraverse : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        latent::setInferenceThreads(1);  // as the commands run, so results match bit for bit
        model_ = latent::Model::load(LATENT_DEFAULT_MODEL);
        auto data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
        data.keepFirst(30);
        data_ = new latent::Dataset(std::move(data));
        latents_ = new latent::LatentBatch(latent::encodeDataset(*model_, *data_));
    }
    static void TearDownTestSuite() {
        delete latents_;
        delete data_;
        model_.reset();
    }
    void SetUp() override {
        latent::writeNpy(dir_ / "z.npy", *latents_);
        latent::writeNpy(dir_ / "images.npy", *data_);
    }
    static std::vector<float> latentOf(std::size_t i) {
        const auto row = latents_->row(i);
        return {row.begin(), row.end()};
    }
    static int imageSide() { return model_->info().imageShape.width; }

    static std::shared_ptr<latent::Model> model_;
    static latent::Dataset* data_;
    static latent::LatentBatch* latents_;
    TempDir dir_;
};

std::shared_ptr<latent::Model> MorphTraverse::model_;
latent::Dataset* MorphTraverse::data_ = nullptr;
latent::LatentBatch* MorphTraverse::latents_ = nullptr;

TEST_F(MorphTraverse, MorphStripIsTheLibrarysDecodedPath) {
    const auto r = run("morph --latents " + quoted(dir_ / "z.npy") +
                       " --from 3 --to 7 --steps 6 --slerp --extrapolate --scale 1 --out " +
                       quoted(dir_ / "strip.png"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto strip = latent::readImageFile(dir_ / "strip.png");
    EXPECT_EQ(strip.width, 6 * imageSide() + 5 * 2);  // 2-pixel gaps between frames
    EXPECT_EQ(strip.height, imageSide());
    const auto path = latent::interpolationPath(latentOf(3), latentOf(7), 6,
                                                latent::InterpolationMode::Spherical, 0.0, 1.5);
    EXPECT_EQ(strip.pixels, latent::decodeToGrid(latent::decoderOf(*model_), path, 6, 1).pixels);
}

TEST_F(MorphTraverse, MorphEncodesTheChosenImagesAndWritesAGif) {
    const auto r = run("morph --data " + quoted(dir_ / "images.npy") +
                       " --from 0 --to 1 --steps 4 --scale 2 --out " + quoted(dir_ / "a.png"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto strip = latent::readImageFile(dir_ / "a.png");
    EXPECT_EQ(strip.width, 4 * 2 * imageSide() + 3 * 2);
    EXPECT_EQ(strip.height, 2 * imageSide());
    // Encoded on their own rather than in a batch of 30: equal up to float rounding.
    const auto want = latent::decodeToGrid(
        latent::decoderOf(*model_),
        latent::interpolationPath(latentOf(0), latentOf(1), 4, latent::InterpolationMode::Linear),
        4, 2);
    ASSERT_EQ(strip.pixels.size(), want.pixels.size());
    for (std::size_t i = 0; i < want.pixels.size(); ++i) {
        ASSERT_NEAR(strip.pixels[i], want.pixels[i], 1) << "byte " << i;
    }

    const auto gif = run("morph --latents " + quoted(dir_ / "z.npy") +
                         " --from 0 --to 1 --steps 5 --delay 50 --out " + quoted(dir_ / "m.gif"));
    ASSERT_EQ(gif.exitCode, 0) << gif.output;
    std::ifstream in(dir_ / "m.gif", std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_GT(bytes.size(), 13u);
    EXPECT_EQ(bytes.substr(0, 6), "GIF89a");
    const auto u16 = [&](std::size_t at) {
        return static_cast<unsigned char>(bytes[at]) | static_cast<unsigned char>(bytes[at + 1])
                                                           << 8;
    };
    EXPECT_EQ(u16(6), 2 * imageSide());  // logical screen size: one frame at the default scale
    EXPECT_EQ(u16(8), 2 * imageSide());
    // Readable like every other output (giflib alone creates owner-only files).
    EXPECT_EQ(std::filesystem::status(dir_ / "m.gif").permissions(),
              std::filesystem::status(dir_ / "a.png").permissions());
}

TEST_F(MorphTraverse, TraverseGridSweepsTheChosenDimensions) {
    const auto r = run("traverse --latents " + quoted(dir_ / "z.npy") +
                       " --index 2 --dims 0,3,5 --steps 6 --range prior --scale 1 --out " +
                       quoted(dir_ / "g.png"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto grid = latent::readImageFile(dir_ / "g.png");
    EXPECT_EQ(grid.width, 6 * imageSide() + 5 * 2);
    EXPECT_EQ(grid.height, 3 * imageSide() + 2 * 2);
    const std::vector<latent::TraversalRange> prior(3, latent::priorRange());
    const auto latents = latent::traversalLatents(latentOf(2), {0, 3, 5}, 6, prior);
    EXPECT_EQ(grid.pixels, latent::decodeToGrid(latent::decoderOf(*model_), latents, 6, 1).pixels);
}

TEST_F(MorphTraverse, TraverseTopDimensionsUseTheDataRanges) {
    const auto r = run("traverse --latents " + quoted(dir_ / "z.npy") +
                       " --index 4 --top 4 --steps 5 --scale 1 --out " + quoted(dir_ / "t.png"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto summaries = latent::summariseDimensions(*latents_);
    auto dims = latent::rankDimensions(summaries);
    dims.resize(4);
    std::vector<latent::TraversalRange> ranges;
    for (auto d : dims) ranges.push_back(latent::dataRange(summaries[d]));
    const auto want =
        latent::decodeToGrid(latent::decoderOf(*model_), latent::traversalLatents(latentOf(4), dims, 5, ranges), 5, 1);
    const auto grid = latent::readImageFile(dir_ / "t.png");
    EXPECT_EQ(grid.height, 4 * imageSide() + 3 * 2);
    EXPECT_EQ(grid.pixels, want.pixels);

    // From images: the whole set is encoded for the statistics.
    const auto fromImages = run("traverse --data " + quoted(dir_ / "images.npy") +
                                " --index 4 --top 2 --steps 3 --out " + quoted(dir_ / "i.png"));
    ASSERT_EQ(fromImages.exitCode, 0) << fromImages.output;
    EXPECT_EQ(latent::readImageFile(dir_ / "i.png").height, 2 * 2 * imageSide() + 2);
}

TEST_F(MorphTraverse, TraverseTopRanksAVaesDimensionsByKlWhenItEncodesTheImages) {
    const auto r = run("traverse --data " + quoted(dir_ / "images.npy") +
                       " --index 4 --top 5 --steps 3 --scale 1 --out " + quoted(dir_ / "k.png"));
    ASSERT_EQ(r.exitCode, 0) << r.output;
    const auto encoded = latent::encodeDatasetWithLogvar(*model_, *data_);
    ASSERT_EQ(encoded.logvar.count, data_->count);  // the bundled model is a VAE
    const auto byKl = latent::summariseDimensions(encoded.mu, &encoded.logvar);
    auto dims = latent::rankDimensions(byKl);
    dims.resize(5);
    auto byVariance = latent::rankDimensions(latent::summariseDimensions(encoded.mu));
    byVariance.resize(5);
    EXPECT_NE(dims, byVariance) << "the two rankings agree here: the test shows nothing";
    std::vector<latent::TraversalRange> ranges;
    for (auto d : dims) ranges.push_back(latent::dataRange(byKl[d]));
    const auto want = latent::decodeToGrid(
        latent::decoderOf(*model_), latent::traversalLatents(encoded.mu.row(4), dims, 3, ranges), 3, 1);
    EXPECT_EQ(latent::readImageFile(dir_ / "k.png").pixels, want.pixels);
}

TEST_F(MorphTraverse, BadIndicesAndOptionsAreRefusedWithAMessage) {
    const std::string z = " --latents " + quoted(dir_ / "z.npy");
    const auto to = run("morph" + z + " --from 0 --to 30 --out " + quoted(dir_ / "x.png"));
    EXPECT_EQ(to.exitCode, 2);
    EXPECT_NE(to.output.find("--to 30 is out of range"), std::string::npos) << to.output;
    EXPECT_NE(to.output.find("(0 to 29)"), std::string::npos) << to.output;
    const auto from = run("morph --data " + quoted(dir_ / "images.npy") +
                          " --from 99 --to 1 --out " + quoted(dir_ / "x.png"));
    EXPECT_EQ(from.exitCode, 2);
    EXPECT_NE(from.output.find("--from 99 is out of range"), std::string::npos) << from.output;
    const auto format = run("morph" + z + " --from 0 --to 1 --out " + quoted(dir_ / "x.jpg"));
    EXPECT_EQ(format.exitCode, 1);
    EXPECT_NE(format.output.find("must end in .png or .gif"), std::string::npos) << format.output;
    const auto both = run("morph" + z + " --data " + quoted(dir_ / "images.npy") +
                          " --from 0 --to 1 --out " + quoted(dir_ / "x.png"));
    EXPECT_EQ(both.exitCode, 1);

    const auto dim = run("traverse" + z + " --index 0 --dims 1,99 --out " + quoted(dir_ / "x.png"));
    EXPECT_EQ(dim.exitCode, 2);
    EXPECT_NE(dim.output.find("--dims 99 is out of range"), std::string::npos) << dim.output;
    const auto index = run("traverse" + z + " --index 40 --out " + quoted(dir_ / "x.png"));
    EXPECT_EQ(index.exitCode, 2);
    EXPECT_NE(index.output.find("--index 40 is out of range"), std::string::npos) << index.output;
    const auto dimsAndTop =
        run("traverse" + z + " --index 0 --dims 1 --top 3 --out " + quoted(dir_ / "x.png"));
    EXPECT_EQ(dimsAndTop.exitCode, 1);
    EXPECT_FALSE(std::filesystem::exists(dir_ / "x.png"));
}

}  // namespace
