// buildWorkspace on every kind of data: precomputed latents with and without a model,
// projector TSV pairs, metadata tables joined by row, image folders fitted to the model.
#include <gtest/gtest.h>

#include <fstream>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/ImageIo.h"
#include "latent/core/MetadataQuery.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Workspace.h"

namespace {

using latent::ErrorKind;

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// `n` points of dimension `dim` in three clusters, with metadata naming the cluster and a
// continuous "score" (the row number).
void writeProjectorPair(const TempDir& dir, std::size_t n, std::size_t dim) {
    std::string vectors;
    std::string metadata = "label\tscore\n";
    const char* names[] = {"cat", "dog", "bird"};
    for (std::size_t i = 0; i < n; ++i) {
        for (std::size_t d = 0; d < dim; ++d) {
            vectors += (d ? "\t" : "") + std::to_string(static_cast<double>((i % 3) * 10 + d) +
                                                        0.01 * static_cast<double>(i));
        }
        vectors += "\n";
        metadata += std::string(names[i % 3]) + "\t" + std::to_string(i) + ".5\n";
    }
    writeText(dir / "vectors.tsv", vectors);
    writeText(dir / "metadata.tsv", metadata);
}

latent::WorkspaceRequest noModel(const std::filesystem::path& data) {
    latent::WorkspaceRequest request;
    request.identity.dataPath = data;
    return request;
}

TEST(WorkspaceData, ProjectorPairOpensWithoutAModel) {
    TempDir dir;
    writeProjectorPair(dir, 30, 5);
    const auto ws = latent::buildWorkspace(noModel(dir / "vectors.tsv"));
    EXPECT_FALSE(ws.hasModel());
    EXPECT_FALSE(ws.hasImages());
    EXPECT_FALSE(ws.modelNote.empty());
    EXPECT_EQ(ws.latents.count, 30u);
    EXPECT_EQ(ws.latents.dim, 5u);
    EXPECT_EQ(ws.coords2.count, 30u);
    EXPECT_EQ(ws.neighbours->size(), 30u);
    ASSERT_EQ(ws.metadata.columns.size(), 3u);  // label, score, and the neighbour-distance score
    EXPECT_TRUE(ws.metadata.column("score").numeric);
    EXPECT_EQ(ws.metadata.columns.back().name, ws.scores.find("knn_distance")->title);
    EXPECT_EQ(ws.dataset.classNames, (std::vector<std::string>{"bird", "cat", "dog"}));
    ASSERT_EQ(ws.dataset.labels.size(), 30u);
    EXPECT_EQ(ws.dataset.className(4), "dog");
    EXPECT_EQ(ws.dataFormat, "TensorBoard projector vectors + metadata");
}

TEST(WorkspaceData, LimitKeepsLatentsAndMetadataAligned) {
    TempDir dir;
    writeProjectorPair(dir, 30, 4);
    auto request = noModel(dir / "vectors.tsv");
    request.identity.limit = 10;
    const auto ws = latent::buildWorkspace(request);
    EXPECT_EQ(ws.latents.count, 10u);
    EXPECT_EQ(ws.metadata.rowCount, 10u);
    EXPECT_EQ(ws.metadata.column("label").cells.size(), 10u);
    EXPECT_EQ(ws.dataset.labels.size(), 10u);
}

TEST(WorkspaceData, LatentsOfTheModelsSizeKeepTheModelOthersDropItOrFail) {
    TempDir dir;
    latent::LatentBatch z(20, 16);
    for (std::size_t i = 0; i < z.values.size(); ++i)
        z.values[i] = static_cast<float>(i % 7) * 0.1f;
    latent::writeNpy(dir / "z16.npy", z);
    latent::LatentBatch y(20, 3);
    for (std::size_t i = 0; i < y.values.size(); ++i) y.values[i] = static_cast<float>(i % 5);
    latent::writeNpy(dir / "z3.npy", y);

    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, dir / "z16.npy", "test", 0}, 64};
    const auto matching = latent::buildWorkspace(request);
    EXPECT_TRUE(matching.hasModel());
    EXPECT_EQ(matching.latents.count, 20u);
    EXPECT_EQ(matching.dataFormat, ".npy latents");

    request.identity.dataPath = dir / "z3.npy";
    const auto other = latent::buildWorkspace(request);
    EXPECT_FALSE(other.hasModel());
    EXPECT_NE(other.modelNote.find("3-d vectors"), std::string::npos) << other.modelNote;

    request.requireModel = true;
    expectError([&] { latent::buildWorkspace(request); }, ErrorKind::InvalidArgument,
                "16-d latent");
}

TEST(WorkspaceData, ImagesWithoutAModelAreRefusedWithAMessage) {
    expectError([] { latent::buildWorkspace(noModel(LATENT_DEFAULT_DATA_DIR)); },
                ErrorKind::InvalidArgument, "holds images: open a model");
}

TEST(WorkspaceData, MetadataTableJoinsByRowOrIsRefused) {
    TempDir dir;
    writeProjectorPair(dir, 12, 3);
    std::string csv = "size,colour\n";
    for (int i = 0; i < 12; ++i)
        csv += std::to_string(i * 2) + "," + (i % 2 ? "red" : "blue") + "\n";
    writeText(dir / "extra.csv", csv);
    auto request = noModel(dir / "vectors.tsv");
    request.identity.metadataPath = dir / "extra.csv";
    const auto ws = latent::buildWorkspace(request);
    ASSERT_EQ(ws.metadata.columns.size(), 5u);  // 2 + 2 joined + the neighbour-distance score
    EXPECT_EQ(ws.metadata.column("colour").cells[3], "red");

    writeText(dir / "short.csv", "size\n1\n2\n");
    request.identity.metadataPath = dir / "short.csv";
    expectError([&] { latent::buildWorkspace(request); }, ErrorKind::BadFormat,
                "has 2 rows for 12 points");
}

TEST(WorkspaceData, MalformedVectorsNameTheProblem) {
    TempDir dir;
    writeText(dir / "vectors.tsv", "1\t2\n3\n");
    expectError([&] { latent::buildWorkspace(noModel(dir / "vectors.tsv")); }, ErrorKind::BadFormat,
                "line 2");
}

TEST(WorkspaceData, ImageFolderOfTheWrongSizeIsFittedAndEncoded) {
    TempDir dir;
    for (const char* cls : {"a", "b"}) {
        std::filesystem::create_directories(dir / cls);
        for (int k = 0; k < 3; ++k) {
            latent::Raster r{40, 30, 3, {}};
            for (int p = 0; p < 40 * 30 * 3; ++p)
                r.pixels.push_back(static_cast<std::uint8_t>((p * (k + 1)) % 251));
            latent::writePng(dir / cls / ("img" + std::to_string(k) + ".png"), r);
        }
    }
    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, dir.path(), "test", 0}, 64};
    request.identity.folderFit = latent::FitPolicy::Stretch;
    const auto ws = latent::buildWorkspace(request);
    EXPECT_TRUE(ws.hasImages());
    EXPECT_EQ(ws.latents.count, 6u);
    EXPECT_EQ(ws.dataset.shape, ws.model->info().imageShape);
    EXPECT_EQ(ws.dataset.classNames, (std::vector<std::string>{"a", "b"}));
    EXPECT_NE(ws.resizeNote.find("6 of 6 images fitted to 28x28 (resized)"), std::string::npos)
        << ws.resizeNote;
    EXPECT_EQ(ws.metadata.column("label").cells[4], "b");
}

// Images without labels get no class names, not the model's: the app would otherwise offer
// the model's classes to select, and select nothing.
TEST(WorkspaceData, UnlabelledImagesHaveNoClassNames) {
    TempDir dir;
    for (int k = 0; k < 3; ++k) {
        latent::Raster r{28, 28, 1, std::vector<std::uint8_t>(28 * 28, static_cast<std::uint8_t>(40 * k))};
        latent::writePng(dir / ("img" + std::to_string(k) + ".png"), r);
    }
    const auto ws = latent::buildWorkspace({{LATENT_DEFAULT_MODEL, dir.path(), "test", 0}, 64});
    ASSERT_FALSE(ws.model->info().classNames.empty());  // the bundled model names its classes
    EXPECT_EQ(ws.latents.count, 3u);
    EXPECT_TRUE(ws.dataset.labels.empty());
    EXPECT_TRUE(ws.dataset.classNames.empty());
}

TEST(MetadataQuery, SearchRangeAndContinuity) {
    const auto table = latent::parseMetadata(
        "name\tscore\tlevel\nAlpha\t1.5\t1\nbeta\t-2\t2\n"
        "alphabet\t7\t1\n\t3\t3\n",
        '\t', latent::HeaderRule::FirstRow, "t");
    EXPECT_EQ(latent::matchingRows(table.column("name"), "ALPHA"),
              (std::vector<std::size_t>{0, 2}));
    EXPECT_TRUE(latent::matchingRows(table.column("name"), "").empty());
    const auto range = latent::numericRange(table.column("score"));
    ASSERT_TRUE(range.valid);
    EXPECT_EQ(range.min, -2.0);
    EXPECT_EQ(range.minRow, 1u);
    EXPECT_EQ(range.max, 7.0);
    EXPECT_EQ(range.maxRow, 2u);
    EXPECT_DOUBLE_EQ(latent::normalizedIn(range, 2.5), 0.5);
    EXPECT_TRUE(latent::looksContinuous(table.column("score")));
    EXPECT_FALSE(latent::looksContinuous(table.column("level")));
    EXPECT_FALSE(latent::looksContinuous(table.column("name")));
}

}  // namespace
