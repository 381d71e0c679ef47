#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/ProjectorTsv.h"
#include "latent/core/TableExport.h"

namespace {

using latent::ErrorKind;
using latent::HeaderRule;

std::string readText(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

TEST(ProjectorTsv, ParsesVectors) {
    const auto b = latent::parseVectorsTsv("1\t2.5\t-3\n4e-1\t5\t+6\r\n\n", "v");
    ASSERT_EQ(b.count, 2u);
    ASSERT_EQ(b.dim, 3u);
    EXPECT_EQ(b.values, (std::vector<float>{1.0f, 2.5f, -3.0f, 0.4f, 5.0f, 6.0f}));
}

TEST(ProjectorTsv, ReportsTheLineOfTheFirstProblem) {
    expectError([] { latent::parseVectorsTsv("", "v"); }, ErrorKind::BadFormat, "is empty");
    expectError([] { latent::parseVectorsTsv("\n\n", "v"); }, ErrorKind::BadFormat, "is empty");
    expectError([] { latent::parseVectorsTsv("1\t2\n3\t4\n5\n", "v"); }, ErrorKind::BadFormat,
                "line 3: 1 values, but line 1 has 2");
    expectError([] { latent::parseVectorsTsv("1\t2\n3\tabc\n", "v"); }, ErrorKind::BadFormat,
                "line 2, column 2: 'abc' is not a finite number");
    expectError([] { latent::parseVectorsTsv("1\tnan\n", "v"); }, ErrorKind::BadFormat, "column 2");
    expectError([] { latent::parseVectorsTsv("1\t2\n\n3\t4\n", "v"); }, ErrorKind::BadFormat,
                "line 2: blank line");
}

TEST(ProjectorTsv, RoundTripsVectorsAndMetadataForTensorBoard) {
    TempDir dir;
    latent::LatentBatch batch(3, 2);
    batch.values = {0.1f, -2.0f, 1e-7f, 3.25f, 12345.678f, 0.0f};
    latent::writeVectorsTsv(dir / "vectors.tsv", batch);
    EXPECT_EQ(latent::readVectorsTsv(dir / "vectors.tsv").values, batch.values);

    latent::Dataset data;
    data.count = 3;
    data.labels = {2, 0, 2};
    data.classNames = {"cat", "dog", "bird"};
    latent::writeMetadataTsv(dir / "metadata.tsv", latent::labelTable(data));
    // One column: TensorBoard wants no header row.
    const auto table = latent::readMetadataFile(dir / "metadata.tsv", HeaderRule::TensorBoard);
    ASSERT_EQ(table.rowCount, 3u);
    EXPECT_EQ(table.columns[0].cells, (std::vector<std::string>{"bird", "cat", "bird"}));
    table.checkJoinsWith(batch.count, "metadata");
}

TEST(MetadataTable, HeaderRowDetectsNumericAndCategoricalColumns) {
    const auto t = latent::parseMetadata("name\tscore\tclass\na\t1.5\t3\nb\t\t10\nc\t-2\t3\n", '\t',
                                         HeaderRule::TensorBoard, "m");
    ASSERT_EQ(t.rowCount, 3u);
    ASSERT_EQ(t.columns.size(), 3u);
    EXPECT_FALSE(t.column("name").numeric);
    const auto& score = t.column("score");
    ASSERT_TRUE(score.numeric);
    EXPECT_DOUBLE_EQ(score.numbers[2], -2.0);
    EXPECT_TRUE(std::isnan(score.numbers[1]));
    // Numeric categories sort by value, not as text ("3" before "10").
    const auto classes = latent::categoriesOf(t.column("class"));
    EXPECT_EQ(classes.names, (std::vector<std::string>{"3", "10"}));
    EXPECT_EQ(classes.codes, (std::vector<int>{0, 1, 0}));
    latent::Dataset data;
    latent::applyLabels(data, t.column("name"));
    EXPECT_EQ(data.labels, (std::vector<int>{0, 1, 2}));
    expectError([&] { t.column("colour"); }, ErrorKind::InvalidArgument,
                "'name', 'score', 'class'");
    expectError([&] { t.checkJoinsWith(4, "m"); }, ErrorKind::BadFormat, "3 rows for 4 points");
}

TEST(MetadataTable, CsvQuotingAndErrors) {
    const auto t = latent::parseMetadata("id,label\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n", ',',
                                         HeaderRule::FirstRow, "c");
    EXPECT_EQ(t.column("label").cells, (std::vector<std::string>{"a, b", "say \"hi\""}));
    EXPECT_TRUE(t.column("id").numeric);
    expectError([] { latent::parseMetadata("a,b\n1,\"x\n", ',', HeaderRule::FirstRow, "c"); },
                ErrorKind::BadFormat, "line 2: a quoted cell is not closed");
    expectError([] { latent::parseMetadata("a\tb\n1\t2\t3\n", '\t', HeaderRule::FirstRow, "c"); },
                ErrorKind::BadFormat, "line 2: 3 cells, but line 1 has 2");
    expectError([] { latent::parseMetadata("a\ta\n1\t2\n", '\t', HeaderRule::FirstRow, "c"); },
                ErrorKind::BadFormat, "'a' appears twice");
    expectError([] { latent::parseMetadata("", ',', HeaderRule::FirstRow, "c"); },
                ErrorKind::BadFormat, "is empty");
}

TEST(MetadataTable, ACsvFileIsCommaSeparatedWhateverTheCaseOfItsName) {
    TempDir dir;
    for (const char* name : {"labels.csv", "labels.Csv", "LABELS.CSV"}) {
        writeText(dir / name, "id,label\n1,shoe\n");
        const auto table = latent::readMetadataFile(dir / name, HeaderRule::FirstRow);
        EXPECT_EQ(table.columns.size(), 2u) << name;
    }
    writeText(dir / "labels.tsv", "id\tlabel\n1\tshoe\n");
    EXPECT_EQ(latent::readMetadataFile(dir / "labels.tsv", HeaderRule::FirstRow).columns.size(), 2u);
}

TEST(TableExport, CoordinatesCsvAndIndexLists) {
    TempDir dir;
    latent::LatentBatch coords(2, 3);
    coords.values = {1.5f, -2.0f, 0.25f, 3.0f, 4.0f, 5.0f};
    latent::writeCoordinatesCsv(dir / "coords.csv", coords);
    const auto table = latent::readMetadataFile(dir / "coords.csv", HeaderRule::FirstRow);
    ASSERT_EQ(table.rowCount, 2u);
    EXPECT_DOUBLE_EQ(table.column("z").numbers[0], 0.25);
    EXPECT_DOUBLE_EQ(table.column("index").numbers[1], 1.0);

    latent::writeIndexList(dir / "sel.txt", {7, 3, 9});
    EXPECT_EQ(readText(dir / "sel.txt"), "7\n3\n9\n");
}

}  // namespace
