#include "latent/core/ImageResize.h"

#include <gtest/gtest.h>

#include "latent/core/Error.h"

namespace {

latent::Image ramp(int channels, int height, int width) {
    latent::Image image;
    image.shape = {channels, height, width};
    image.pixels.resize(image.shape.pixelCount());
    for (std::size_t i = 0; i < image.pixels.size(); ++i) {
        image.pixels[i] = static_cast<float>(i) / static_cast<float>(image.pixels.size());
    }
    return image;
}

TEST(ImageResize, SameShapeIsUnchanged) {
    const auto image = ramp(3, 4, 5);
    for (auto filter : {latent::ResizeFilter::Nearest, latent::ResizeFilter::Bilinear}) {
        EXPECT_EQ(latent::resizeImage(image, image.shape, filter).pixels, image.pixels);
    }
}

TEST(ImageResize, NearestDoublingRepeatsEachPixel) {
    latent::Image image;
    image.shape = {1, 2, 2};
    image.pixels = {0.1f, 0.2f, 0.3f, 0.4f};
    const auto big = latent::resizeImage(image, {1, 4, 4}, latent::ResizeFilter::Nearest);
    EXPECT_EQ(big.pixels, (std::vector<float>{0.1f, 0.1f, 0.2f, 0.2f, 0.1f, 0.1f, 0.2f, 0.2f,
                                              0.3f, 0.3f, 0.4f, 0.4f, 0.3f, 0.3f, 0.4f, 0.4f}));
}

TEST(ImageResize, BilinearInterpolatesBetweenPixelCentres) {
    latent::Image image;
    image.shape = {1, 1, 2};
    image.pixels = {0.0f, 1.0f};
    const auto wide = latent::resizeImage(image, {1, 1, 4}, latent::ResizeFilter::Bilinear);
    // Centres of the 4 outputs sit at source x = -0.25, 0.25, 0.75, 1.25 (clamped to 0..1).
    EXPECT_EQ(wide.pixels, (std::vector<float>{0.0f, 0.25f, 0.75f, 1.0f}));
    const auto narrow = latent::resizeImage(wide, {1, 1, 2}, latent::ResizeFilter::Bilinear);
    EXPECT_NEAR(narrow.pixels[0], 0.125f, 1e-6);
    EXPECT_NEAR(narrow.pixels[1], 0.875f, 1e-6);
}

TEST(ImageResize, GreyToRgbCopiesAndRgbToGreyUsesLuma) {
    latent::Image grey;
    grey.shape = {1, 1, 1};
    grey.pixels = {0.6f};
    const auto rgb = latent::resizeImage(grey, {3, 1, 1}, latent::ResizeFilter::Nearest);
    EXPECT_EQ(rgb.pixels, (std::vector<float>{0.6f, 0.6f, 0.6f}));
    latent::Image red;
    red.shape = {3, 1, 1};
    red.pixels = {1.0f, 0.0f, 0.0f};
    EXPECT_NEAR(latent::resizeImage(red, {1, 1, 1}, latent::ResizeFilter::Nearest).pixels[0], 0.299f, 1e-6);
}

TEST(ImageResize, SensibleMeansGreyOrRgbWithinFactorFour) {
    EXPECT_TRUE(latent::resizeIsSensible({1, 28, 28}, {3, 64, 64}));
    EXPECT_TRUE(latent::resizeIsSensible({3, 64, 64}, {1, 16, 16}));
    EXPECT_FALSE(latent::resizeIsSensible({1, 28, 28}, {1, 256, 256}));
    EXPECT_FALSE(latent::resizeIsSensible({1, 28, 28}, {4, 28, 28}));
    EXPECT_EQ(latent::describeResize({1, 28, 28}, {3, 64, 64}, latent::ResizeFilter::Bilinear),
              "1x28x28 images resized to 3x64x64 (bilinear, grey copied to RGB)");
}

TEST(ImageResize, DatasetResizeKeepsLabelsOrNamesBothShapes) {
    latent::Dataset data;
    data.name = "tiny";
    data.shape = {1, 2, 2};
    data.count = 2;
    data.pixels = {0, 255, 255, 0, 10, 10, 10, 10};
    data.labels = {3, 4};
    const auto fitted = latent::resizeDataset(data, {3, 4, 4}, latent::ResizeFilter::Nearest);
    EXPECT_EQ(fitted.shape, (latent::ImageShape{3, 4, 4}));
    EXPECT_EQ(fitted.count, 2u);
    EXPECT_EQ(fitted.labels, data.labels);
    EXPECT_EQ(fitted.pixels.size(), 2u * 48u);
    EXPECT_EQ(fitted.pixels[1], 0);    // top-left 2x2 block of the first image
    EXPECT_EQ(fitted.pixels[2], 255);  // top-right block
    EXPECT_EQ(fitted.pixels[48 + 47], 10);
    try {
        latent::resizeDataset(data, {1, 64, 64}, latent::ResizeFilter::Bilinear);
        FAIL();
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::InvalidArgument);
        EXPECT_NE(std::string(e.what()).find("1x2x2"), std::string::npos);
        EXPECT_NE(std::string(e.what()).find("1x64x64"), std::string::npos);
    }
}

}  // namespace
