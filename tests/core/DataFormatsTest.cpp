// The data-format registry: file names match whatever their case, unnamed files are
// recognised by their first bytes, and loading goes through the format found.
#include "latent/core/DataFormats.h"

#include <gtest/gtest.h>

#include <cctype>
#include <fstream>
#include <string>

#include "TempDir.h"
#include "latent/core/DataSource.h"
#include "latent/core/Error.h"

namespace {

using latent::DataFormatId;
using latent::DataRole;
namespace fs = std::filesystem;

const fs::path kFixtures = LATENT_NUMPY_FIXTURES;

void writeBytes(const fs::path& path, std::string_view bytes) {
    std::ofstream(path, std::ios::binary).write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

TEST(DataFormats, PatternsMatchWholeNamesIgnoringCase) {
    EXPECT_TRUE(latent::matchesPattern("images.npy", "*.npy"));
    EXPECT_TRUE(latent::matchesPattern("IMAGES.NPY", "*.npy"));
    EXPECT_TRUE(latent::matchesPattern("t10k-images-idx3-ubyte.gz", "*-ubyte.gz"));
    EXPECT_FALSE(latent::matchesPattern("images.npy.bak", "*.npy"));
    EXPECT_FALSE(latent::matchesPattern("npy", "*.npy"));
    EXPECT_TRUE(latent::matchesPattern("a.b.c", "*.*.c"));
    EXPECT_TRUE(latent::matchesPattern("", "*"));
}

TEST(DataFormats, EveryPointsFormatLoadsAndEveryPatternIsALowerCaseSuffix) {
    for (const auto& format : latent::dataFormats()) {
        EXPECT_EQ(format.load != nullptr, format.role == DataRole::Points) << format.name;
        EXPECT_EQ(format.folder, format.patterns.empty()) << format.name;
        EXPECT_EQ(&latent::dataFormat(format.id), &format) << format.name;
        for (const auto& pattern : format.patterns) {
            EXPECT_EQ(pattern.front(), '*') << pattern;
            for (char c : pattern) EXPECT_FALSE(std::isupper(static_cast<unsigned char>(c))) << pattern;
        }
    }
}

TEST(DataFormats, FilesAreRecognisedByNameWhateverTheCase) {
    TempDir dir;
    const std::pair<const char*, DataFormatId> named[] = {
        {"Shoes.NPY", DataFormatId::NpyArray},
        {"shoes.Npz", DataFormatId::NpzArchive},
        {"t10k-images-idx3-ubyte.GZ", DataFormatId::IdxFile},
        {"digits.idx.gz", DataFormatId::IdxFile},
        {"run_VECTORS.tsv", DataFormatId::ProjectorVectors},
    };
    for (const auto& [name, id] : named) {
        writeBytes(dir / name, "not read: the name decides");
        EXPECT_EQ(latent::detectDataFormat(dir / name), id) << name;
    }
    writeBytes(dir / "labels.CSV", "label\n1\n");
    EXPECT_EQ(latent::detectDataFormat(dir / "labels.CSV", DataRole::Metadata), DataFormatId::MetadataTable);
    EXPECT_EQ(latent::detectDataFormat(dir / "labels.CSV"), std::nullopt);  // a table is not points
    writeBytes(dir / "notes.txt", "hello");
    EXPECT_EQ(latent::detectDataFormat(dir / "notes.txt"), std::nullopt);
    EXPECT_EQ(latent::detectDataFormat(dir / "notes.txt", DataRole::Metadata), std::nullopt);
    EXPECT_EQ(latent::detectDataFormat(dir.path()), std::nullopt);  // an empty folder
}

TEST(DataFormats, UnnamedFilesAreRecognisedByTheirFirstBytes) {
    TempDir dir;
    fs::copy_file(kFixtures / "u8_images.npy", dir / "images");
    fs::copy_file(kFixtures / "stored.npz", dir / "archive");
    writeBytes(dir / "gzipped", std::string_view("\x1f\x8b\x08\x00", 4));
    writeBytes(dir / "idx", std::string_view("\x00\x00\x08\x03\x00\x00\x00\x01", 8));
    writeBytes(dir / "text", "1\t2\t3\n");
    EXPECT_EQ(latent::detectDataFormat(dir / "images"), DataFormatId::NpyArray);
    EXPECT_EQ(latent::detectDataFormat(dir / "archive"), DataFormatId::NpzArchive);
    EXPECT_EQ(latent::detectDataFormat(dir / "gzipped"), DataFormatId::IdxFile);
    EXPECT_EQ(latent::detectDataFormat(dir / "idx"), DataFormatId::IdxFile);
    EXPECT_EQ(latent::detectDataFormat(dir / "text"), std::nullopt);
    EXPECT_EQ(latent::detectDataFormat(dir / "missing"), std::nullopt);
}

TEST(DataFormats, AnUpperCaseOrUnnamedArrayLoadsLikeItsLowerCaseTwin) {
    TempDir dir;
    fs::copy_file(kFixtures / "u8_images.npy", dir / "IMAGES.NPY");
    fs::copy_file(kFixtures / "u8_images.npy", dir / "images");
    const auto twin = latent::loadDataSource(kFixtures / "u8_images.npy");
    for (const char* name : {"IMAGES.NPY", "images"}) {
        const auto loaded = latent::loadDataSource(dir / name);
        EXPECT_EQ(loaded.format, DataFormatId::NpyArray) << name;
        EXPECT_EQ(loaded.dataset.pixels, twin.dataset.pixels) << name;
        EXPECT_EQ(loaded.dataset.name, name);
    }
}

TEST(DataFormats, LatentsAreRefusedWhereImagesAreNeeded) {
    try {
        latent::loadDataSource(kFixtures / "f32_c.npy");
        FAIL() << "a 2-d array was read as images";
    } catch (const latent::Error& e) {
        EXPECT_NE(std::string(e.what()).find("not images"), std::string::npos) << e.what();
    }
}

}  // namespace
