#include <gtest/gtest.h>
#include <jpeglib.h>

#include <cstdio>
#include <fstream>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/DataSource.h"
#include "latent/core/ImageFileReader.h"
#include "latent/core/ImageFolder.h"
#include "latent/core/ImageIo.h"

namespace {

using latent::ErrorKind;

latent::Raster gradient(int width, int height, int channels) {
    latent::Raster r{width, height, channels, {}};
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            for (int c = 0; c < channels; ++c)
                r.pixels.push_back(static_cast<std::uint8_t>(x * 10 + y + c * 50));
        }
    }
    return r;
}

// A baseline JPEG of `raster` at the given quality, written with libjpeg.
void writeJpeg(const std::filesystem::path& path, const latent::Raster& raster, int quality) {
    FILE* file = std::fopen(path.string().c_str(), "wb");
    ASSERT_NE(file, nullptr);
    jpeg_compress_struct info;
    jpeg_error_mgr errors;
    info.err = jpeg_std_error(&errors);
    jpeg_create_compress(&info);
    jpeg_stdio_dest(&info, file);
    info.image_width = static_cast<JDIMENSION>(raster.width);
    info.image_height = static_cast<JDIMENSION>(raster.height);
    info.input_components = raster.channels;
    info.in_color_space = raster.channels == 1 ? JCS_GRAYSCALE : JCS_RGB;
    jpeg_set_defaults(&info);
    jpeg_set_quality(&info, quality, TRUE);
    jpeg_start_compress(&info, TRUE);
    const auto stride = static_cast<std::size_t>(raster.width * raster.channels);
    while (info.next_scanline < info.image_height) {
        auto* row = const_cast<JSAMPLE*>(raster.pixels.data() + info.next_scanline * stride);
        jpeg_write_scanlines(&info, &row, 1);
    }
    jpeg_finish_compress(&info);
    jpeg_destroy_compress(&info);
    std::fclose(file);
}

TEST(ImageFileReader, ReadsJpegsCloseToTheirSource) {
    TempDir dir;
    for (int channels : {1, 3}) {
        const auto source = gradient(10, 8, channels);  // no wrap-around: smooth for JPEG
        writeJpeg(dir / "g.jpg", source, 100);
        const auto back = latent::readImageFile(dir / "g.jpg");
        ASSERT_EQ(back.width, 10);
        ASSERT_EQ(back.height, 8);
        ASSERT_EQ(back.channels, channels);
        for (std::size_t i = 0; i < source.pixels.size(); ++i) {
            // Colour JPEGs subsample chroma, so they stray further from a steep gradient.
            ASSERT_NEAR(back.pixels[i], source.pixels[i], channels == 1 ? 4 : 16) << "byte " << i;
        }
    }
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
    writeJpeg(dir / "whole.jpg", gradient(10, 8, 3), 90);
    std::filesystem::resize_file(dir / "whole.jpg",
                                 std::filesystem::file_size(dir / "whole.jpg") - 8);
    // libjpeg would pad the missing rows with grey and warn: refused instead.
    expectError([&] { latent::readImageFile(dir / "whole.jpg"); }, ErrorKind::BadFormat,
                "Premature end of JPEG file");
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
    expectError([&] { latent::loadImageFolder(dir.path()); }, ErrorKind::Io,
                "none of its 1 images");
    expectError([&] { latent::loadDataSource(dir / "x.txt"); }, ErrorKind::InvalidArgument,
                "not a known data source");
}

}  // namespace
