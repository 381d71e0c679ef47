#include "latent/core/ImageFolder.h"

#include <gtest/gtest.h>

#include <fstream>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/DataSource.h"
#include "latent/core/ImageFileReader.h"
#include "latent/core/ImageIo.h"

namespace {

using latent::ErrorKind;

latent::Raster gradient(int width, int height, int channels) {
    latent::Raster r{width, height, channels, {}};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < channels; ++c) r.pixels.push_back(static_cast<std::uint8_t>(x * 10 + y + c * 50));
        }
    }
    return r;
}

TEST(ImageFileReader, ReadsBackOurPngs) {
    TempDir dir;
    const auto rgb = gradient(5, 4, 3);
    latent::writePng(dir / "rgb.png", rgb);
    const auto back = latent::readImageFile(dir / "rgb.png");
    EXPECT_EQ(back.width, 5);
    EXPECT_EQ(back.channels, 3);
    EXPECT_EQ(back.pixels, rgb.pixels);
    expectError([&] { latent::readImageFile(dir / "rgb.png", 10); }, ErrorKind::TooLarge,
                "5x4, above the limit of 10 pixels");
}

TEST(ImageFileReader, RefusesDamagedAndUnknownFiles) {
    TempDir dir;
    std::ofstream(dir / "text.png") << "not an image";
    expectError([&] { latent::readImageFile(dir / "text.png"); }, ErrorKind::BadFormat,
                "neither a PNG nor a JPEG");
    std::ofstream(dir / "cut.jpg", std::ios::binary) << std::string("\xFF\xD8\xFF\xE0", 4);
    expectError([&] { latent::readImageFile(dir / "cut.jpg"); }, ErrorKind::BadFormat,
                "not a readable JPEG");
    latent::writePng(dir / "ok.png", gradient(4, 4, 1));
    std::filesystem::resize_file(dir / "ok.png", 40);
    expectError([&] { latent::readImageFile(dir / "ok.png"); }, ErrorKind::BadFormat, "PNG");
}

TEST(ImageFolder, ClassesFromSubfoldersAndSkippedFiles) {
    TempDir dir;
    std::filesystem::create_directories(dir / "shoes");
    std::filesystem::create_directories(dir / "bags");
    latent::writePng(dir / "shoes" / "a.png", gradient(6, 6, 1));
    latent::writePng(dir / "shoes" / "b.png", gradient(6, 6, 1));
    latent::writePng(dir / "bags" / "c.png", gradient(6, 6, 1));
    std::ofstream(dir / "bags" / "broken.png") << "junk";
    const auto result = latent::loadImageFolder(dir.path());
    const auto& data = result.dataset;
    EXPECT_EQ(data.count, 3u);
    EXPECT_EQ(data.shape, (latent::ImageShape{1, 6, 6}));
    EXPECT_EQ(data.classNames, (std::vector<std::string>{"bags", "shoes"}));
    EXPECT_EQ(data.labels, (std::vector<int>{0, 1, 1}));  // sorted paths: bags/ first
    ASSERT_EQ(result.skipped.size(), 1u);
    EXPECT_EQ(result.skipped[0].path.filename(), "broken.png");
    EXPECT_EQ(result.refitted, 0u);
    // Same size and channels: pixels arrive unchanged (grey, CHW).
    EXPECT_EQ(data.pixels[7], 11);
}

TEST(ImageFolder, FitsImagesToTheTargetShape) {
    TempDir dir;
    latent::writePng(dir / "wide.png", gradient(8, 4, 3));
    latent::writePng(dir / "small.png", gradient(2, 2, 1));
    latent::ImageFolderOptions options;
    options.target = {1, 4, 4};
    const auto crop = latent::loadImageFolder(dir.path(), options);
    EXPECT_EQ(crop.dataset.count, 2u);
    EXPECT_EQ(crop.refitted, 2u);
    EXPECT_TRUE(crop.dataset.labels.empty());
    // Centre crop of the 8x4 image keeps columns 2..5: its first output pixel is the grey
    // of source pixel (2, 0) = luma(20, 70, 120).
    const auto& wide = crop.dataset.pixels;
    const std::size_t wideStart = 16;  // sorted: small.png, then wide.png
    EXPECT_NEAR(wide[wideStart], 0.299 * 20 + 0.587 * 70 + 0.114 * 120, 1.0);
    options.fit = latent::FitPolicy::Stretch;
    const auto stretch = latent::loadImageFolder(dir.path(), options);
    EXPECT_LT(stretch.dataset.pixels[wideStart], wide[wideStart]);  // starts at column 0 instead
    options.target = {3, 4, 4};
    const auto colour = latent::loadImageFolder(dir.path(), options);
    EXPECT_EQ(colour.dataset.shape.channels, 3);
    EXPECT_EQ(colour.dataset.pixels[0], colour.dataset.pixels[16]);  // grey repeated per channel
    options.maxBytes = 40;
    expectError([&] { latent::loadImageFolder(dir.path(), options); }, ErrorKind::TooLarge,
                "exceed the limit of 40 bytes");
}

TEST(ImageFolder, FolderWithoutReadableImagesIsAnError) {
    TempDir dir;
    expectError([&] { latent::loadImageFolder(dir.path()); }, ErrorKind::Io, "holds no .png");
    std::ofstream(dir / "x.jpg") << "junk";
    expectError([&] { latent::loadImageFolder(dir.path()); }, ErrorKind::Io, "none of its 1 images");
    expectError([&] { latent::loadDataSource(dir / "x.txt"); }, ErrorKind::InvalidArgument,
                "not a known data source");
}

}  // namespace
