#include <dlfcn.h>
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "ModelFixtures.h"
#include "TempDir.h"
#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"
#include "latent/core/Model.h"

namespace {

const std::filesystem::path kModel = LATENT_DEFAULT_MODEL;

std::shared_ptr<latent::Model> bundledModel() {
    static auto model = latent::Model::load(kModel);
    return model;
}

const latent::Dataset& testSplit() {
    static const auto data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    return data;
}

TEST(Model, BundledModelDescribesItself) {
    const auto& info = bundledModel()->info();
    EXPECT_EQ(info.latentDim, 16u);
    EXPECT_EQ(info.imageShape, (latent::ImageShape{1, 28, 28}));
    EXPECT_TRUE(info.hasEncoder);
    EXPECT_TRUE(info.variationalEncoder);
    EXPECT_EQ(info.metadataSource, latent::MetadataSource::EmbeddedMeta);
    EXPECT_EQ(info.classNames, latent::fashionMnistClassNames());
    EXPECT_GT(info.parameterCount, 10000);
    EXPECT_FALSE(info.name.empty());
}

TEST(Model, EncodeAndDecodeShapesAndRange) {
    const auto model = bundledModel();
    const auto& data = testSplit();
    const auto pixels = data.floatPixels(0, 5);
    const auto z = model->encode(pixels.data(), 5);
    EXPECT_EQ(z.count, 5u);
    EXPECT_EQ(z.dim, 16u);
    for (float v : z.values) EXPECT_TRUE(std::isfinite(v));
    const auto images = model->decode(z);
    ASSERT_EQ(images.size(), 5u);
    for (const auto& img : images) {
        EXPECT_EQ(img.shape, (latent::ImageShape{1, 28, 28}));
        ASSERT_EQ(img.pixels.size(), 784u);
        EXPECT_FALSE(img.hadNonFinite);
        for (float v : img.pixels) {
            EXPECT_GE(v, 0.0f);
            EXPECT_LE(v, 1.0f);
        }
    }
}

TEST(Model, ReconstructionsResembleTheirInputs) {
    const auto model = bundledModel();
    const auto& data = testSplit();
    const std::size_t n = 200;
    const auto pixels = data.floatPixels(0, n);
    const auto images = model->decode(model->encode(pixels.data(), n));
    double ownError = 0.0, otherError = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t other = (i + 1) % n;  // another image: a reconstruction should be nearer its own
        for (std::size_t p = 0; p < 784; ++p) {
            ownError += std::abs(images[i].pixels[p] - pixels[i * 784 + p]);
            otherError += std::abs(images[i].pixels[p] - pixels[other * 784 + p]);
        }
    }
    ownError /= n * 784.0;
    otherError /= n * 784.0;
    EXPECT_LT(ownError, 0.12);
    EXPECT_LT(ownError, 0.6 * otherError);
}

TEST(Model, DecodeIsDeterministicAndBatchIndependent) {
    const auto model = bundledModel();
    latent::LatentBatch z(3, 16);
    for (std::size_t i = 0; i < z.values.size(); ++i) z.values[i] = std::sin(static_cast<float>(i));
    const auto batch = model->decode(z);
    latent::LatentBatch single(1, 16);
    std::copy(z.row(2).begin(), z.row(2).end(), single.values.begin());
    const auto alone = model->decode(single);
    for (std::size_t p = 0; p < 784; ++p) EXPECT_NEAR(batch[2].pixels[p], alone[0].pixels[p], 1e-5);
}

TEST(Model, WrongLatentSizeIsRefused) {
    latent::LatentBatch z(1, 7);
    EXPECT_THROW(bundledModel()->decode(z), latent::Error);
}

TEST(Model, TextFileIsNotAModel) {
    TempDir dir;
    std::ofstream(dir / "notes.pt") << "this is not a TorchScript archive\n";
    const auto e = modelLoadError(dir / "notes.pt");
    EXPECT_EQ(e.kind(), latent::ErrorKind::BadFormat);
    EXPECT_NE(std::string(e.what()).find("notes.pt"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("TorchScript"), std::string::npos);
}

TEST(Model, TruncatedModelIsRefused) {
    TempDir dir;
    std::ifstream in(kModel, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::ofstream(dir / "half.pt", std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size() / 2));
    const auto e = modelLoadError(dir / "half.pt");
    EXPECT_EQ(e.kind(), latent::ErrorKind::Truncated);
    EXPECT_NE(std::string(e.what()).find("half.pt"), std::string::npos);
}

TEST(Model, MissingFileIsAnIoError) {
    EXPECT_EQ(modelLoadError("/nonexistent/model.pt").kind(), latent::ErrorKind::Io);
}

TEST(Model, InferenceThreadsLeaveOpenBlasOnOneThread) {
    const int before = latent::inferenceThreads();
    // Set before the model runtime opens (as main() does), the threads apply when it opens;
    // set after, at once: either way OpenBLAS ends on one thread.
    latent::setInferenceThreads(2);
    latent::loadModelRuntime();
    // tools/setup.sh installs OpenBLAS; LibTorch reaches it through libblas.so.3.
    using GetThreads = int (*)();
    const auto get = reinterpret_cast<GetThreads>(dlsym(RTLD_DEFAULT, "openblas_get_num_threads"));
    ASSERT_NE(get, nullptr) << "OpenBLAS is not the BLAS in use";
    EXPECT_EQ(get(), 1);
    EXPECT_EQ(latent::inferenceThreads(), 2);
    latent::setInferenceThreads(before);
}

TEST(EncodeDataset, EncodesInBatchesWithProgressMatchingSingleCalls) {
    const auto model = bundledModel();
    auto data = testSplit();
    data.keepFirst(300);
    std::vector<double> fractions;
    const auto z = latent::encodeDataset(*model, data, 128, [&](double f, const std::string& msg) {
        fractions.push_back(f);
        EXPECT_NE(msg.find("/ 300"), std::string::npos);
        return true;
    });
    EXPECT_EQ(fractions, (std::vector<double>{128.0 / 300, 256.0 / 300, 1.0}));
    ASSERT_EQ(z.count, 300u);
    const auto single = model->encode(data.floatPixels(257, 1).data(), 1);
    for (std::size_t j = 0; j < 16; ++j) EXPECT_NEAR(z.row(257)[j], single.values[j], 1e-5);
}

TEST(EncodeDataset, CancelStopsWithCancelledError) {
    const auto model = bundledModel();
    int calls = 0;
    try {
        latent::encodeDataset(*model, testSplit(), 256, [&](double, const std::string&) {
            return ++calls < 2;
        });
        FAIL() << "cancel ignored";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
    EXPECT_EQ(calls, 2);
}

TEST(EncodeDataset, ImagesOfTheWrongShapeNameBothShapes) {
    latent::Dataset data;
    data.shape = {3, 32, 32};
    data.count = 1;
    data.pixels.assign(3 * 32 * 32, 0);
    try {
        latent::encodeDataset(*bundledModel(), data);
        FAIL();
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
        EXPECT_NE(std::string(e.what()).find("3x32x32"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("1x28x28"), std::string::npos);
    }
}

}  // namespace
