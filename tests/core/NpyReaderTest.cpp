#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/FileAccess.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"

namespace {

using latent::ElementType;
using latent::ErrorKind;

const std::string kFixtures = LATENT_NUMPY_FIXTURES;

std::vector<std::uint8_t> bytesOf(const std::string& s) {
    return {s.begin(), s.end()};
}

// A hand-made .npy with the given header dict and data bytes.
std::vector<std::uint8_t> npyWith(const std::string& dict, std::size_t dataBytes) {
    std::string header = dict + "\n";
    std::string file = std::string("\x93NUMPY\x01\x00", 8);
    file += static_cast<char>(header.size() & 0xFF);
    file += static_cast<char>(header.size() >> 8);
    return bytesOf(file + header + std::string(dataBytes, '\0'));
}

TEST(NpyReader, ReadsNumpyFloat32InCOrder) {
    const auto a = latent::readNpyFile(kFixtures + "/f32_c.npy");
    EXPECT_EQ(a.type, ElementType::Float32);
    ASSERT_EQ(a.shape, (std::vector<std::size_t>{3, 4}));
    for (std::size_t i = 0; i < 12; ++i) EXPECT_DOUBLE_EQ(a.value(i), static_cast<double>(i) / 4);
}

TEST(NpyReader, ConvertsFortranOrderToCOrder) {
    const auto a = latent::readNpyFile(kFixtures + "/f64_fortran.npy");
    EXPECT_EQ(a.type, ElementType::Float64);
    ASSERT_EQ(a.shape, (std::vector<std::size_t>{2, 3, 4}));
    for (std::size_t i = 0; i < 24; ++i) EXPECT_DOUBLE_EQ(a.value(i), static_cast<double>(i));
}

TEST(NpyReader, SwapsBigEndianData) {
    const auto f = latent::readNpyFile(kFixtures + "/f4_big_endian.npy");
    for (std::size_t i = 0; i < 12; ++i) EXPECT_DOUBLE_EQ(f.value(i), static_cast<double>(i) / 4);
    const auto l = latent::readNpyFile(kFixtures + "/i8_big_fortran.npy");
    EXPECT_EQ(l.type, ElementType::Int64);
    for (std::size_t i = 0; i < 6; ++i) EXPECT_DOUBLE_EQ(l.value(i), static_cast<double>(i));
}

TEST(NpyReader, ReadsFormatVersionsTwoAndThree) {
    for (const char* name : {"/f32_v2.npy", "/f32_v3.npy"}) {
        const auto a = latent::readNpyFile(kFixtures + name);
        ASSERT_EQ(a.shape, (std::vector<std::size_t>{3, 4})) << name;
        EXPECT_DOUBLE_EQ(a.value(11), 11.0 / 4);
    }
}

TEST(NpyReader, ImagesAndLabelsConvertToADataset) {
    const auto images = latent::readNpyFile(kFixtures + "/u8_images.npy");
    const auto data = latent::datasetFromArray(images, latent::ChannelOrder::First, "u8");
    EXPECT_EQ(data.count, 5u);
    EXPECT_EQ(data.shape, (latent::ImageShape{1, 2, 3}));
    for (std::size_t i = 0; i < 30; ++i) EXPECT_EQ(data.pixels[i], i * 7 % 256);
    const auto labels =
        latent::labelsFromArray(latent::readNpyFile(kFixtures + "/i32_labels.npy"), 5, "labels");
    EXPECT_EQ(labels, (std::vector<int>{3, 1, 4, 1, 5}));
    EXPECT_EQ(latent::labelsFromArray(latent::readNpyFile(kFixtures + "/i64_labels.npy"), 0, "l"),
              (std::vector<int>{2, 7, 1, 8, 2}));
    expectError([&] { latent::labelsFromArray(images, 5, "u8"); }, ErrorKind::BadFormat,
                "N labels");
}

TEST(NpyReader, ChannelsLastImagesBecomePlanar) {
    const auto hwc = latent::readNpyFile(kFixtures + "/u8_hwc.npy");
    const auto data = latent::datasetFromArray(hwc, latent::ChannelOrder::Last, "hwc");
    ASSERT_EQ(data.shape, (latent::ImageShape{3, 2, 3}));
    // Element (n, y, x, c) of the file lands at (n, c, y, x).
    for (std::size_t n = 0; n < 2; ++n) {
        for (std::size_t y = 0; y < 2; ++y) {
            for (std::size_t x = 0; x < 3; ++x) {
                for (std::size_t c = 0; c < 3; ++c) {
                    EXPECT_EQ(data.pixels[((n * 3 + c) * 2 + y) * 3 + x],
                              (((n * 2 + y) * 3 + x) * 3 + c) * 5);
                }
            }
        }
    }
    // The same array read channels-first has 2 "channels": refused with the shape.
    expectError([&] { latent::datasetFromArray(hwc, latent::ChannelOrder::First, "hwc"); },
                ErrorKind::BadFormat, "(2, 2, 3, 3)");
}

TEST(NpyReader, FloatLatentsAndOutOfRangePixels) {
    const auto grid = latent::readNpyFile(kFixtures + "/f32_c.npy");
    const auto latents = latent::latentsFromArray(grid, "grid");
    EXPECT_EQ(latents.count, 3u);
    EXPECT_EQ(latents.dim, 4u);
    EXPECT_FLOAT_EQ(latents.row(2)[3], 11.0f / 4);
    // As pixels: the largest value (2.75) is above 1, so the scale is 0..255 and 2.75 -> 3.
    latent::NumericArray images = grid;
    images.shape = {1, 3, 4};
    EXPECT_EQ(latent::datasetFromArray(images, latent::ChannelOrder::First, "g").pixels[11], 3);
}

TEST(NpyReader, RoundTripsThroughOurWriter) {
    TempDir dir;
    latent::LatentBatch batch(4, 3);
    for (std::size_t i = 0; i < batch.values.size(); ++i)
        batch.values[i] = 0.1f * static_cast<float>(i) - 0.5f;
    latent::writeNpy(dir / "z.npy", batch);
    const auto back = latent::latentsFromArray(latent::readNpyFile(dir / "z.npy"), "z");
    EXPECT_EQ(back.values, batch.values);
    // The header is padded so the data starts on a 64-byte boundary, as numpy does.
    const auto raw = latent::readFileBytes(dir / "z.npy", 1 << 20);
    EXPECT_EQ((raw.size() - batch.values.size() * 4) % 64, 0u);
}

TEST(NpyReader, RefusesWrongMagicAndUnknownVersion) {
    auto bad = npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1,), }", 4);
    bad[1] = 'X';
    expectError([&] { latent::parseNpy(bad, "m"); }, ErrorKind::BadFormat, "bad magic at offset 0");
    bad[1] = 'N';
    bad[6] = 9;
    expectError([&] { latent::parseNpy(bad, "m"); }, ErrorKind::BadFormat, "version 9");
    expectError([&] { latent::parseNpy(bytesOf("\x93NUM"), "m"); }, ErrorKind::Truncated,
                "preamble");
}

TEST(NpyReader, RefusesUnsupportedDtypes) {
    expectError([&] { latent::readNpyFile(kFixtures + "/unicode.npy"); }, ErrorKind::BadFormat,
                "unsupported dtype '<U2'");
    const auto complex = npyWith("{'descr': '<c8', 'fortran_order': False, 'shape': (1,), }", 8);
    expectError([&] { latent::parseNpy(complex, "c"); }, ErrorKind::BadFormat, "'<c8'");
    const auto object = npyWith("{'descr': '|O', 'fortran_order': False, 'shape': (1,), }", 8);
    expectError([&] { latent::parseNpy(object, "o"); }, ErrorKind::BadFormat, "'|O'");
}

TEST(NpyReader, RefusesMalformedHeaders) {
    const auto missing = npyWith("{'descr': '<f4', 'shape': (1,), }", 4);
    expectError([&] { latent::parseNpy(missing, "h"); }, ErrorKind::BadFormat, "must have");
    const auto negative = npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (-1,), }", 4);
    expectError([&] { latent::parseNpy(negative, "h"); }, ErrorKind::BadFormat,
                "non-negative integer");
    const auto twice = npyWith("{'descr': '<f4', 'descr': '<f4', 'fortran_order': False, }", 4);
    expectError([&] { latent::parseNpy(twice, "h"); }, ErrorKind::BadFormat, "appears twice");
    const auto unclosed = npyWith("{'descr': '<f4", 4);
    expectError([&] { latent::parseNpy(unclosed, "h"); }, ErrorKind::BadFormat, "unterminated");
}

TEST(NpyReader, LyingShapesFailBeforeAllocating) {
    // Declares 10^6 floats but holds 8 bytes: Truncated, with the offset where data starts.
    const auto lying =
        npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (1000, 1000), }", 8);
    expectError([&] { latent::parseNpy(lying, "l"); }, ErrorKind::Truncated, "needs 4000000 bytes");
    // Declares more than the memory cap: TooLarge before anything else.
    const auto huge =
        npyWith("{'descr': '<f8', 'fortran_order': False, 'shape': (65536, 65536, 65536), }", 0);
    expectError([&] { latent::parseNpy(huge, "h"); }, ErrorKind::TooLarge, "memory limit");
    const auto extra = npyWith("{'descr': '|u1', 'fortran_order': False, 'shape': (2,), }", 5);
    expectError([&] { latent::parseNpy(extra, "x"); }, ErrorKind::BadFormat,
                "3 bytes after its data");
    latent::ArrayReadLimits small{16};
    const auto over = npyWith("{'descr': '<f4', 'fortran_order': False, 'shape': (5,), }", 20);
    expectError([&] { latent::parseNpy(over, "o", small); }, ErrorKind::TooLarge, "limit of 16");
}

TEST(NpyReader, MissingFileIsAnIoError) {
    expectError([] { latent::readNpyFile("/nonexistent/x.npy"); }, ErrorKind::Io, "x.npy");
}

}  // namespace
