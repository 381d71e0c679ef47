#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ErrorChecks.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/DataSource.h"
#include "latent/core/FileAccess.h"
#include "latent/core/NpzReader.h"

namespace {

using latent::ErrorKind;

const std::string kFixtures = LATENT_NUMPY_FIXTURES;

std::vector<std::uint8_t> fixture(const std::string& name) {
    return latent::readFileBytes(kFixtures + "/" + name, 1 << 20);
}

void expectImagesAndLabels(const std::vector<latent::NamedArray>& arrays) {
    ASSERT_EQ(arrays.size(), 2u);
    EXPECT_EQ(arrays[0].name, "images");
    EXPECT_EQ(arrays[1].name, "labels");
    const auto data = latent::datasetFromArray(arrays[0].array, latent::ChannelOrder::First, "npz");
    EXPECT_EQ(data.count, 5u);
    for (std::size_t i = 0; i < 30; ++i) EXPECT_EQ(data.pixels[i], i * 7 % 256);
    EXPECT_EQ(latent::labelsFromArray(arrays[1].array, 5, "npz"),
              (std::vector<int>{3, 1, 4, 1, 5}));
}

TEST(NpzReader, ReadsStoredArchivesFromNumpySavez) {
    expectImagesAndLabels(latent::readNpzFile(kFixtures + "/stored.npz"));
}

TEST(NpzReader, ReadsDeflatedArchivesFromSavezCompressed) {
    expectImagesAndLabels(latent::readNpzFile(kFixtures + "/deflated.npz"));
}

TEST(NpzReader, DataSourcePicksPositionalArraysAndScalesFloatPixels) {
    const auto loaded = latent::loadDataSource(kFixtures + "/positional.npz");
    EXPECT_EQ(loaded.description, ".npz");
    EXPECT_EQ(loaded.format, latent::DataFormatId::NpzArchive);
    EXPECT_EQ(loaded.dataset.count, 5u);
    EXPECT_EQ(loaded.dataset.pixels[3], 21);     // 21/255 as float32, scaled back to bytes
    EXPECT_TRUE(loaded.dataset.labels.empty());  // arr_1 is not a known label name
    latent::DataSourceOptions options;
    options.labelsArray = "arr_1";
    EXPECT_EQ(latent::loadDataSource(kFixtures + "/positional.npz", options).dataset.labels.size(),
              5u);
    options.labelsArray = "nope";
    expectError([&] { latent::loadDataSource(kFixtures + "/positional.npz", options); },
                ErrorKind::InvalidArgument, "it has: arr_0, arr_1");
}

TEST(NpzReader, RefusesNonZipAndTruncatedArchives) {
    expectError([] { latent::parseNpz(fixture("f32_c.npy"), "n"); }, ErrorKind::BadFormat,
                "no end-of-central-directory");
    auto bytes = fixture("stored.npz");
    bytes.resize(bytes.size() / 2);
    expectError([&] { latent::parseNpz(bytes, "t"); }, ErrorKind::BadFormat, "not a ZIP");
    expectError([] { latent::parseNpz(std::vector<std::uint8_t>(5), "s"); }, ErrorKind::Truncated,
                "too short");
}

// Offsets of the end-of-central-directory record and the first directory entry.
std::size_t findSignature(const std::vector<std::uint8_t>& b, std::uint32_t signature, bool last) {
    std::size_t found = b.size();
    for (std::size_t i = 0; i + 4 <= b.size(); ++i) {
        const std::uint32_t v =
            b[i] | b[i + 1] << 8 | b[i + 2] << 16 | static_cast<std::uint32_t>(b[i + 3]) << 24;
        if (v == signature) {
            found = i;
            if (!last) break;
        }
    }
    return found;
}

TEST(NpzReader, RefusesEncryptedZip64AndCorruptMembers) {
    const auto original = fixture("deflated.npz");
    const std::size_t entry = findSignature(original, 0x02014b50, false);
    const std::size_t end = findSignature(original, 0x06054b50, true);
    ASSERT_LT(entry, original.size());
    ASSERT_LT(end, original.size());

    auto encrypted = original;
    encrypted[entry + 8] |= 1;
    expectError([&] { latent::parseNpz(encrypted, "e"); }, ErrorKind::BadFormat, "encrypted");

    auto zip64 = original;
    zip64[end + 16] = zip64[end + 17] = zip64[end + 18] = zip64[end + 19] = 0xFF;
    expectError([&] { latent::parseNpz(zip64, "z"); }, ErrorKind::BadFormat, "ZIP64");

    auto lyingSize = original;
    lyingSize[entry + 24] ^= 0x10;  // uncompressed size no longer matches the stream
    expectError([&] { latent::parseNpz(lyingSize, "l"); }, ErrorKind::BadFormat,
                "does not inflate");

    auto badCrc = original;
    badCrc[entry + 16] ^= 0xFF;
    expectError([&] { latent::parseNpz(badCrc, "c"); }, ErrorKind::BadFormat, "CRC-32");

    auto method = original;
    method[entry + 10] = 12;  // bzip2
    expectError([&] { latent::parseNpz(method, "m"); }, ErrorKind::BadFormat,
                "compression method 12");

    auto outside = original;
    outside[end + 19] = 0x7F;  // central directory offset far beyond the file
    expectError([&] { latent::parseNpz(outside, "o"); }, ErrorKind::Truncated, "outside the file");
}

TEST(NpzReader, RefusesMembersAboveTheMemoryLimit) {
    expectError([] { latent::parseNpz(fixture("stored.npz"), "s", {100}); }, ErrorKind::TooLarge,
                "above the limit of 100");
}

}  // namespace
