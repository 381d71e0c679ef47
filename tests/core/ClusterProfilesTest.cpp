// Cluster profiles (sizes, prototypes, medoids, majorities, agreement), their automatic
// names, and the annotations that carry clusters into Colour by and sessions.
#include "latent/core/ClusterProfiles.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "ErrorChecks.h"
#include "TempDir.h"
#include "latent/core/Annotations.h"
#include "latent/core/InformationMeasures.h"

namespace {

latent::ItemClusters clustersOf(std::vector<int> labels, std::vector<std::string> names) {
    latent::ItemClusters clusters;
    clusters.labels = std::move(labels);
    clusters.names = std::move(names);
    return clusters;
}

latent::LatentBatch points(const std::vector<std::pair<float, float>>& xy) {
    latent::LatentBatch batch(xy.size(), 2);
    for (std::size_t i = 0; i < xy.size(); ++i) batch.row(i)[0] = xy[i].first, batch.row(i)[1] = xy[i].second;
    return batch;
}

// The member with the least total Euclidean distance to the others, by brute force.
std::size_t bruteForceMedoid(const latent::LatentBatch& latents, const std::vector<std::size_t>& members) {
    std::size_t best = members.front();
    double bestTotal = INFINITY;
    for (const std::size_t a : members) {
        double total = 0.0;
        for (const std::size_t b : members) {
            double sum = 0.0;
            for (std::size_t d = 0; d < latents.dim; ++d) {
                const double diff = static_cast<double>(latents.row(a)[d]) - latents.row(b)[d];
                sum += diff * diff;
            }
            total += std::sqrt(sum);
        }
        if (total < bestTotal) bestTotal = total, best = a;
    }
    return best;
}

TEST(ClusterProfiles, SizesMeansMedoidsMajoritiesAndAgreement) {
    // Cluster 0 on a line, 0..3 and a straggler at 20: its mean (5.2) is nearest item 3,
    // but the medoid (least total distance) is the median, item 2. Cluster 1 is a corner.
    const auto latents = points({{0, 0}, {1, 0}, {2, 0}, {3, 0}, {20, 0}, {100, 100}, {101, 100}, {100, 101}, {50, 50}});
    const std::vector<int> labels = {0, 0, 0, 0, 0, 1, 1, 1, -1};
    const latent::Categories reference{{0, 0, 0, 1, 0, 1, 1, -1, 0}, {"Boot", "Coat"}};
    const auto summary = latent::summariseClusters(labels, latents, &reference);
    ASSERT_EQ(summary.clusters.size(), 2u);
    EXPECT_EQ(summary.unclustered, 1u);
    const auto& boots = summary.clusters[0];
    EXPECT_EQ(boots.size, 5u);
    EXPECT_FLOAT_EQ(boots.mean[0], 5.2f);
    EXPECT_FLOAT_EQ(boots.mean[1], 0.0f);
    EXPECT_EQ(boots.medoid, 2u);
    EXPECT_EQ(boots.majority, "Boot");
    EXPECT_DOUBLE_EQ(boots.purity, 0.8);
    // Item 7 has no reference value: it still counts as a member, not for the majority.
    const auto& coats = summary.clusters[1];
    EXPECT_EQ(coats.majority, "Coat");
    EXPECT_DOUBLE_EQ(coats.purity, 2.0 / 3.0);
    // Agreement over the items both label (not 7, not 8).
    const std::vector<int> ours = {0, 0, 0, 0, 0, 1, 1}, theirs = {0, 0, 0, 1, 0, 1, 1};
    ASSERT_TRUE(summary.adjustedRand && summary.mutualInformation);
    EXPECT_DOUBLE_EQ(*summary.adjustedRand, latent::adjustedRandIndex(ours, theirs));
    EXPECT_DOUBLE_EQ(*summary.mutualInformation, latent::normalisedMutualInformation(ours, theirs));
    EXPECT_EQ(latent::automaticClusterNames(summary), (std::vector<std::string>{"Boot (80%)", "Coat (66%)"}));

    const auto bare = latent::summariseClusters(labels, latents, nullptr);
    EXPECT_FALSE(bare.adjustedRand.has_value());
    EXPECT_EQ(bare.clusters[0].majority, "");
    EXPECT_EQ(latent::automaticClusterNames(bare), (std::vector<std::string>{"Cluster 1", "Cluster 2"}));
    expectError([&] { latent::summariseClusters({0, 1}, latents, nullptr); }, latent::ErrorKind::InvalidArgument, "count");
}

TEST(ClusterProfiles, TheMedoidIsTheBruteForceOneOnGaussianClustersLargerThanTheCandidates) {
    std::mt19937 rng(5);
    std::normal_distribution<float> normal;
    const std::size_t n = 1500, dim = 16;
    latent::LatentBatch latents(n, dim);
    std::vector<int> labels(n);
    for (std::size_t i = 0; i < n; ++i) {
        labels[i] = i < 1200 ? 0 : 1;  // a cluster 4.7 times the candidates, one of 300
        for (float& v : latents.row(i)) v = normal(rng) * (labels[i] == 0 ? 1.0f : 0.3f) + (labels[i] == 0 ? 0.0f : 5.0f);
    }
    const auto summary = latent::summariseClusters(labels, latents, nullptr);
    for (int c = 0; c < 2; ++c) {
        std::vector<std::size_t> members;
        for (std::size_t i = 0; i < n; ++i)
            if (labels[i] == c) members.push_back(i);
        EXPECT_EQ(summary.clusters[static_cast<std::size_t>(c)].medoid, bruteForceMedoid(latents, members)) << c;
    }
}

TEST(ClusterProfiles, NamesStayUniqueWhenMajoritiesRepeat) {
    latent::ClusterSummary summary;
    for (const char* majority : {"Bag", "Bag", "Bag", ""}) {
        latent::ClusterProfile p;
        p.majority = majority;
        p.purity = 0.5;
        summary.clusters.push_back(p);
    }
    EXPECT_EQ(latent::automaticClusterNames(summary),
              (std::vector<std::string>{"Bag (50%)", "Bag 2 (50%)", "Bag 3 (50%)", "Cluster 4"}));
}

TEST(ClusterProfiles, TheReferenceIsTheLabelsElseTheFirstTextColumnWithFewValues) {
    latent::Dataset data;
    data.labels = {1, 0, 2};
    data.classNames = {"a", "b"};  // label 2 has no name
    const auto labelled = latent::clusterReference(data, {}, 3);
    ASSERT_TRUE(labelled);
    EXPECT_EQ(labelled->column, "label");
    EXPECT_EQ(labelled->categories.names, (std::vector<std::string>{"a", "b", "class 2"}));

    latent::MetadataTable metadata;
    metadata.rowCount = 3;
    metadata.columns.push_back({"score", {"1", "2", "3"}, true, {1, 2, 3}, {}});
    metadata.columns.push_back({"brand", {"x", "y", "x"}, false, {}, {}});
    const auto byBrand = latent::clusterReference({}, metadata, 3);
    ASSERT_TRUE(byBrand);
    EXPECT_EQ(byBrand->column, "brand");
    EXPECT_EQ(byBrand->categories.codes, (std::vector<int>{0, 1, 0}));
    EXPECT_FALSE(latent::clusterReference({}, metadata, 4));  // rows of other items
}

TEST(Annotations, ClustersBecomeACategoricalColumnInClusterOrder) {
    latent::Annotations a;
    a.clusters = clustersOf({1, 0, -1, 1}, {"Zebra", "Ant"});
    const auto table = latent::annotationColumns(a, 4);
    ASSERT_EQ(table.columns.size(), 1u);
    const auto& column = table.columns[0];
    EXPECT_EQ(column.name, "cluster");
    EXPECT_EQ(column.cells, (std::vector<std::string>{"Ant", "Zebra", "", "Ant"}));
    // Colours follow the clusters (largest first), not the alphabet, and survive renames.
    const auto categories = latent::categoriesOf(column);
    EXPECT_EQ(categories.names, (std::vector<std::string>{"Zebra", "Ant"}));
    EXPECT_EQ(categories.codes, (std::vector<int>{1, 0, -1, 1}));
    EXPECT_TRUE(latent::annotationColumns(a, 5).columns.empty());  // not these items
    EXPECT_TRUE(latent::annotationColumns({}, 4).columns.empty());
}

TEST(Annotations, ChecksAndRenamesRefuseWhatDoesNotFit) {
    latent::Annotations a;
    a.clusters = clustersOf({1, 0, -1}, {"Zebra", "Ant"});
    EXPECT_NO_THROW(latent::checkAnnotations(a, 3));
    expectError([&] { latent::checkAnnotations(a, 4); }, latent::ErrorKind::InvalidArgument, "3 items");
    auto bad = a;
    bad.clusters->labels[0] = 2;
    expectError([&] { latent::checkAnnotations(bad, 3); }, latent::ErrorKind::InvalidArgument, "item 0");
    bad = a;
    bad.clusters->names[1] = "Zebra";
    expectError([&] { latent::checkAnnotations(bad, 3); }, latent::ErrorKind::InvalidArgument, "'Zebra'");

    latent::renameCluster(*a.clusters, 1, "  Ants and beetles ");
    EXPECT_EQ(a.clusters->names[1], "Ants and beetles");
    expectError([&] { latent::renameCluster(*a.clusters, 1, "Zebra"); }, latent::ErrorKind::InvalidArgument,
                "another cluster");
    expectError([&] { latent::renameCluster(*a.clusters, 0, "   "); }, latent::ErrorKind::InvalidArgument, "");
    expectError([&] { latent::renameCluster(*a.clusters, 2, "x"); }, latent::ErrorKind::InvalidArgument, "");
    EXPECT_EQ(a.clusters->names, (std::vector<std::string>{"Zebra", "Ants and beetles"}));
}

}  // namespace

namespace {

TEST(Annotations, ExportedMetadataIsTheWorkspacesColumnsThenTheClustersAndReadsBackFromCsv) {
    TempDir dir;
    latent::MetadataTable metadata;
    metadata.rowCount = 3;
    metadata.columns.push_back({"label", {"Bag", "Coat, long", "say \"hi\""}, false, {}, {}});
    latent::Annotations a;
    a.clusters = clustersOf({1, 0, -1}, {"Zebra, striped", "Ant"});
    const auto table = latent::exportedMetadata(metadata, a, 3);
    ASSERT_EQ(table.columns.size(), 2u);
    EXPECT_EQ(table.columns[1].name, "cluster");

    const auto path = dir / "metadata.csv";
    latent::writeMetadataCsv(path, table);
    const auto back = latent::readMetadataFile(path, latent::HeaderRule::FirstRow);
    ASSERT_EQ(back.columns.size(), 3u);
    EXPECT_EQ(back.column("index").cells, (std::vector<std::string>{"0", "1", "2"}));
    EXPECT_EQ(back.column("label").cells, metadata.columns[0].cells);
    EXPECT_EQ(back.column("cluster").cells, (std::vector<std::string>{"Ant", "Zebra, striped", ""}));

    // Nothing to export but the items: their indices.
    const auto bare = latent::exportedMetadata({}, {}, 2);
    ASSERT_EQ(bare.columns.size(), 1u);
    EXPECT_EQ(bare.columns[0].cells, (std::vector<std::string>{"0", "1"}));
}

// Metadata with "cluster" and "tags" columns of its own keeps them; the annotations' get
// names of their own, so Colour by tells them apart and the exported CSV reads back.
TEST(Annotations, ColumnsNamedAsTheMetadatasOwnGetNamesOfTheirOwn) {
    TempDir dir;
    latent::MetadataTable metadata;
    metadata.rowCount = 2;
    metadata.columns.push_back({"cluster", {"a", "b"}, false, {}, {}});
    metadata.columns.push_back({"tags", {"x", ""}, false, {}, {}});
    metadata.columns.push_back({"tags (annotated)", {"", "y"}, false, {}, {}});
    latent::Annotations a;
    a.clusters = clustersOf({1, 0}, {"Zebra", "Ant"});
    latent::addTag(a, "blurry", {1});
    EXPECT_EQ(latent::annotationColumnName(latent::kClusterColumn, metadata), "cluster (annotated)");
    EXPECT_EQ(latent::annotationColumnName(latent::kTagColumn, metadata), "tags (annotated 2)");
    EXPECT_EQ(latent::annotationColumnName(latent::kClusterColumn, {}), "cluster");
    const auto columns = latent::annotationColumns(a, 2, metadata);
    ASSERT_EQ(columns.columns.size(), 2u);
    EXPECT_EQ(columns.columns[0].name, "cluster (annotated)");
    EXPECT_EQ(columns.columns[1].name, "tags (annotated 2)");

    const auto path = dir / "metadata.csv";
    latent::writeMetadataCsv(path, latent::exportedMetadata(metadata, a, 2));
    const auto back = latent::readMetadataFile(path, latent::HeaderRule::FirstRow);
    EXPECT_EQ(back.column("cluster").cells, metadata.columns[0].cells);
    EXPECT_EQ(back.column("cluster (annotated)").cells, (std::vector<std::string>{"Ant", "Zebra"}));
    EXPECT_EQ(back.column("tags (annotated 2)").cells, (std::vector<std::string>{"", "blurry"}));
}

}  // namespace
