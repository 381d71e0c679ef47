#include "latent/core/Dataset.h"

#include <gtest/gtest.h>

#include "latent/core/Error.h"

namespace {

TEST(Dataset, LoadsFashionMnistTestSplitWithClassNames) {
    const auto data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    EXPECT_EQ(data.count, 10000u);
    EXPECT_EQ(data.shape, (latent::ImageShape{1, 28, 28}));
    ASSERT_EQ(data.labels.size(), 10000u);
    ASSERT_EQ(data.classNames.size(), 10u);
    EXPECT_EQ(data.classNames[1], "Trouser");
    EXPECT_EQ(data.className(0), data.classNames[static_cast<std::size_t>(data.labels[0])]);
    EXPECT_EQ(data.name, "fashion-mnist (test)");
}

TEST(Dataset, ImagesAreFloatsInUnitRange) {
    const auto data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    const auto img = data.image(42);
    ASSERT_EQ(img.pixels.size(), 784u);
    float lo = 1.0f, hi = 0.0f;
    for (float v : img.pixels) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    EXPECT_GE(lo, 0.0f);
    EXPECT_LE(hi, 1.0f);
    EXPECT_GT(hi, 0.5f);  // a real garment, not a blank image
    EXPECT_FLOAT_EQ(img.pixels[300], static_cast<float>(data.pixels[42 * 784 + 300]) / 255.0f);
    EXPECT_THROW(data.floatPixels(9999, 2), latent::Error);
}

TEST(Dataset, MissingSplitFilesAreReported) {
    try {
        latent::loadMnistStyleSplit("/nonexistent-folder", "test");
        FAIL();
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Io);
        EXPECT_NE(std::string(e.what()).find("t10k-images-idx3-ubyte"), std::string::npos);
    }
    EXPECT_THROW(latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "validation"), latent::Error);
}

}  // namespace
