#include "latent/core/IdxReader.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <cstdint>
#include <fstream>
#include <vector>

#include "TempDir.h"
#include "latent/core/Error.h"

namespace {

using latent::ErrorKind;

std::vector<std::uint8_t> idxHeader(std::uint8_t type, const std::vector<std::uint32_t>& dims) {
    std::vector<std::uint8_t> bytes = {0, 0, type, static_cast<std::uint8_t>(dims.size())};
    for (std::uint32_t d : dims) {
        for (int shift = 24; shift >= 0; shift -= 8) bytes.push_back(static_cast<std::uint8_t>(d >> shift));
    }
    return bytes;
}

void writeRaw(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    std::ofstream out(path, std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
}

void writeGz(const std::filesystem::path& path, const std::vector<std::uint8_t>& bytes) {
    gzFile f = gzopen(path.string().c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(gzwrite(f, bytes.data(), static_cast<unsigned>(bytes.size())), static_cast<int>(bytes.size()));
    gzclose(f);
}

ErrorKind kindOf(const std::filesystem::path& path, const latent::IdxReadLimits& limits = {}) {
    try {
        latent::readIdxFile(path, limits);
    } catch (const latent::Error& e) {
        EXPECT_NE(std::string(e.what()).find(path.filename().string()), std::string::npos)
            << "message should name the file: " << e.what();
        return e.kind();
    }
    ADD_FAILURE() << "expected an error for " << path;
    return ErrorKind::Io;
}

TEST(IdxReader, ReadsRealFashionMnistTestImages) {
    const auto array = latent::readIdxFile(std::string(LATENT_DEFAULT_DATA_DIR) + "/t10k-images-idx3-ubyte.gz");
    EXPECT_EQ(array.type, latent::IdxType::UInt8);
    ASSERT_EQ(array.dims, (std::vector<std::uint32_t>{10000, 28, 28}));
    EXPECT_EQ(array.bytes.size(), 10000u * 28u * 28u);
}

TEST(IdxReader, ReadsRealLabelsInRange) {
    const auto array = latent::readIdxFile(std::string(LATENT_DEFAULT_DATA_DIR) + "/t10k-labels-idx1-ubyte.gz");
    ASSERT_EQ(array.dims, (std::vector<std::uint32_t>{10000}));
    std::vector<int> counts(10, 0);
    for (std::size_t i = 0; i < array.elementCount(); ++i) {
        const double v = array.value(i);
        ASSERT_GE(v, 0);
        ASSERT_LE(v, 9);
        ++counts[static_cast<std::size_t>(v)];
    }
    for (int c : counts) EXPECT_EQ(c, 1000);  // Fashion-MNIST's test split is balanced
}

TEST(IdxReader, ReadsPlainAndGzipWithWiderTypesInHostOrder) {
    TempDir dir;
    auto bytes = idxHeader(0x0B, {3});
    for (std::int16_t v : {std::int16_t{1}, std::int16_t{-2}, std::int16_t{300}}) {
        bytes.push_back(static_cast<std::uint8_t>(static_cast<std::uint16_t>(v) >> 8));
        bytes.push_back(static_cast<std::uint8_t>(v & 0xFF));
    }
    writeRaw(dir / "plain.idx", bytes);
    writeGz(dir / "packed.idx.gz", bytes);
    for (const char* name : {"plain.idx", "packed.idx.gz"}) {
        const auto array = latent::readIdxFile(dir / name);
        ASSERT_EQ(array.elementCount(), 3u);
        EXPECT_EQ(array.value(0), 1);
        EXPECT_EQ(array.value(1), -2);
        EXPECT_EQ(array.value(2), 300);
    }
}

TEST(IdxReader, RejectsBadMagic) {
    TempDir dir;
    writeGz(dir / "bad-magic.gz", {0x1F, 0x00, 0x08, 0x01, 0, 0, 0, 1, 7});
    EXPECT_EQ(kindOf(dir / "bad-magic.gz"), ErrorKind::BadFormat);
    writeRaw(dir / "text.idx", {'h', 'e', 'l', 'l', 'o', '\n'});
    EXPECT_EQ(kindOf(dir / "text.idx"), ErrorKind::BadFormat);
    writeRaw(dir / "unknown-type.idx", idxHeader(0x42, {1}));
    EXPECT_EQ(kindOf(dir / "unknown-type.idx"), ErrorKind::BadFormat);
}

TEST(IdxReader, RejectsTruncatedFiles) {
    TempDir dir;
    writeRaw(dir / "empty.idx", {});
    EXPECT_EQ(kindOf(dir / "empty.idx"), ErrorKind::Truncated);
    auto header = idxHeader(0x08, {10, 28, 28});
    header.resize(9);  // ends inside the dimension list
    writeGz(dir / "short-header.gz", header);
    EXPECT_EQ(kindOf(dir / "short-header.gz"), ErrorKind::Truncated);
    auto data = idxHeader(0x08, {10, 28, 28});
    data.resize(data.size() + 10 * 28 * 28 - 1, 5);  // one byte short
    writeGz(dir / "short-data.gz", data);
    EXPECT_EQ(kindOf(dir / "short-data.gz"), ErrorKind::Truncated);
}

TEST(IdxReader, RejectsTrailingData) {
    TempDir dir;
    auto data = idxHeader(0x08, {2});
    data.insert(data.end(), {1, 2, 3});
    writeRaw(dir / "long.idx", data);
    EXPECT_EQ(kindOf(dir / "long.idx"), ErrorKind::BadFormat);
}

TEST(IdxReader, RejectsSizesThatWouldNeedGigabytesBeforeAllocating) {
    TempDir dir;
    // 60000 x 60000 x 60000 bytes: far above any limit, and the file holds 16 bytes.
    writeGz(dir / "huge.gz", idxHeader(0x08, {60000, 60000, 60000}));
    EXPECT_EQ(kindOf(dir / "huge.gz"), ErrorKind::TooLarge);
    // 2^32-1 cubed overflows size_t.
    writeGz(dir / "overflow.gz", idxHeader(0x0E, {0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF}));
    EXPECT_EQ(kindOf(dir / "overflow.gz"), ErrorKind::TooLarge);
}

TEST(IdxReader, LyingHeaderUnderTheLimitFailsAsTruncatedNotByAllocating) {
    TempDir dir;
    // Declares 1.5 GB (under a 2 GiB limit) with 3 bytes of data. The reader grows its
    // buffer only as data arrives; with an 8 MiB cap on the limit it would be refused too.
    auto bytes = idxHeader(0x08, {1500000, 1000});
    bytes.insert(bytes.end(), {1, 2, 3});
    writeGz(dir / "liar.gz", bytes);
    EXPECT_EQ(kindOf(dir / "liar.gz"), ErrorKind::Truncated);
    EXPECT_EQ(kindOf(dir / "liar.gz", latent::IdxReadLimits{8u << 20}), ErrorKind::TooLarge);
}

TEST(IdxReader, MissingFileIsAnIoError) {
    TempDir dir;
    EXPECT_EQ(kindOf(dir / "does-not-exist.gz"), ErrorKind::Io);
}

}  // namespace
