// Tags on items: adding and removing, the "tags" column, checks, and tag files.
#include <gtest/gtest.h>

#include <fstream>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/Annotations.h"

namespace {

void writeText(const std::filesystem::path& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

TEST(ItemTags, AddAndRemoveKeepItemsSortedAndDropEmptyTags) {
    latent::Annotations a;
    latent::addTag(a, "  blurry ", {7, 2, 7});
    latent::addTag(a, "blurry", {3});
    latent::addTag(a, "check later", {2});
    EXPECT_EQ(a.tags.at("blurry"), (std::vector<std::size_t>{2, 3, 7}));
    latent::removeTag(a, "blurry", {3, 99});
    EXPECT_EQ(a.tags.at("blurry"), (std::vector<std::size_t>{2, 7}));
    latent::removeTag(a, "check later", {2});
    EXPECT_FALSE(a.tags.contains("check later"));
    latent::removeTag(a, "never used", {1});
    EXPECT_NO_THROW(latent::checkAnnotations(a, 8));
    expectError([&] { latent::checkAnnotations(a, 7); }, latent::ErrorKind::InvalidArgument, "item 7");
    expectError([&] { latent::addTag(a, " ", {1}); }, latent::ErrorKind::InvalidArgument, "needs a name");
    expectError([&] { latent::addTag(a, "a;b", {1}); }, latent::ErrorKind::InvalidArgument, "cannot hold");

    // One column: each item's tags in name order.
    latent::addTag(a, "after", {7});
    const auto table = latent::annotationColumns(a, 8);
    ASSERT_EQ(table.columns.size(), 1u);
    EXPECT_EQ(table.columns[0].name, "tags");
    EXPECT_EQ(table.columns[0].cells[7], "after; blurry");
    EXPECT_EQ(table.columns[0].cells[2], "blurry");
    EXPECT_EQ(table.columns[0].cells[0], "");
}

TEST(ItemTags, TagFilesRoundTripAndBadOnesAreRefusedNamingTheFirstBadLine) {
    TempDir dir;
    const latent::ItemTags tags = {{"blurry", {0, 4}}, {"odd, \"really\"", {4}}, {"ok ✓", {9}}};
    const auto path = dir / "tags.csv";
    latent::writeTags(path, tags);
    EXPECT_EQ(latent::readTags(path, 10), tags);

    const auto bad = dir / "bad.csv";
    writeText(bad, "index,tags\n1,blurry\n2,x\n12,late\n13,later\n");
    expectError([&] { latent::readTags(bad, 10); }, latent::ErrorKind::BadFormat,
                "line 4: item 12 is not in the data, which has 10 items");
    writeText(bad, "index,tags\n-1,blurry\n");
    expectError([&] { latent::readTags(bad, 10); }, latent::ErrorKind::BadFormat, "line 2: '-1' is not an item index");
    writeText(bad, "item,tag\n1,blurry\n");
    expectError([&] { latent::readTags(bad, 10); }, latent::ErrorKind::BadFormat, "\"index,tags\"");
    writeText(bad, "index,tags\n1,blurry\n2\n");
    expectError([&] { latent::readTags(bad, 10); }, latent::ErrorKind::BadFormat, "line 3");
    // Several tags in a cell; blank parts ignored.
    writeText(bad, "index,tags\n1,b; a ;\n3,a\n");
    EXPECT_EQ(latent::readTags(bad, 10), (latent::ItemTags{{"a", {1, 3}}, {"b", {1}}}));
}

}  // namespace
