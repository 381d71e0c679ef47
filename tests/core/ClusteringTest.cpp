// Clusters on the latent neighbour graph: the graph against umap-learn's, Leiden against
// leidenalg (another implementation, python3-leidenalg) on that graph, blobs found exactly,
// and the agreement measures against scikit-learn's (tests/fixtures/make_cluster_references.py,
// run at build time).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <random>

#include "latent/core/ArrayConversion.h"
#include "latent/core/Clustering.h"
#include "latent/core/Dataset.h"
#include "latent/core/InformationMeasures.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/NpyReader.h"

namespace {

const std::filesystem::path kReferences = LATENT_CLUSTER_REFERENCES;

nlohmann::json reference() {
    std::ifstream file(kReferences / "clusters.json");
    return nlohmann::json::parse(file);
}

latent::LatentBatch batchOf(const char* name) {
    return latent::latentsFromArray(latent::readNpyFile(kReferences / name), name);
}

std::vector<double> numbersOf(const char* name) {
    const latent::NumericArray array = latent::readNpyFile(kReferences / name);
    std::vector<double> values(array.elementCount());
    for (std::size_t i = 0; i < values.size(); ++i) values[i] = array.value(i);
    return values;
}

latent::FuzzyGraph graphOf(const latent::LatentBatch& points) {
    const int neighbours = reference().at("neighbours").get<int>();
    return latent::fuzzyNeighbourGraph(latent::exactKnnGraph(points, static_cast<std::size_t>(neighbours - 1)),
                                       neighbours);
}

std::vector<int> classesOfTheFirst(std::size_t count) {
    latent::Dataset data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    data.keepFirst(count);
    return {data.labels.begin(), data.labels.end()};
}

TEST(Clustering, RandIndexAndMutualInformationAsScikitLearnComputesThem) {
    EXPECT_DOUBLE_EQ(latent::adjustedRandIndex({0, 0, 1, 1}, {1, 1, 0, 0}), 1.0);
    EXPECT_NEAR(latent::adjustedRandIndex({0, 0, 1, 2}, {0, 0, 1, 1}), 0.5714285714285715, 1e-12);
    EXPECT_NEAR(latent::adjustedRandIndex({0, 0, 0, 0}, {0, 1, 2, 3}), 0.0, 1e-12);
    EXPECT_NEAR(latent::normalisedMutualInformation({0, 0, 1, 1}, {0, 0, 1, 2}), 0.8, 1e-12);
    EXPECT_DOUBLE_EQ(latent::normalisedMutualInformation({0, 0, 0}, {1, 1, 1}), 1.0);
}

TEST(Clustering, ClusterIdsGoByDescendingSizeWithNoClusterKept) {
    const latent::Clustering c = latent::numberedBySize({7, 3, 3, -1, 9, 3, 7});
    EXPECT_EQ(c.labels, (std::vector<int>{1, 0, 0, -1, 2, 0, 1}));
    EXPECT_EQ(c.sizes, (std::vector<std::size_t>{3, 2, 1}));
}

TEST(Clustering, TheNeighbourGraphEqualsUmapLearns) {
    const latent::FuzzyGraph graph = graphOf(batchOf("mu.npy"));
    const auto rows = numbersOf("graph_rows.npy"), columns = numbersOf("graph_columns.npy");
    const auto weights = numbersOf("graph_weights.npy");
    std::map<std::pair<std::size_t, std::size_t>, double> expected;
    for (std::size_t e = 0; e < rows.size(); ++e) {
        expected[{static_cast<std::size_t>(rows[e]), static_cast<std::size_t>(columns[e])}] = weights[e];
    }
    std::size_t edges = 0;
    for (std::size_t i = 0; i < graph.count; ++i) {
        for (std::size_t e = graph.rowStart[i]; e < graph.rowStart[i + 1]; ++e, ++edges) {
            const auto at = expected.find({i, graph.columns[e]});
            ASSERT_NE(at, expected.end()) << "edge " << i << "-" << graph.columns[e] << " is not umap-learn's";
            EXPECT_NEAR(graph.weights[e], at->second, 1e-4) << "edge " << i << "-" << graph.columns[e];
        }
    }
    EXPECT_EQ(edges, expected.size());
}

TEST(Clustering, WellSeparatedBlobsAreTheClusters) {
    const latent::Clustering c = latent::leidenClusters(graphOf(batchOf("blobs.npy")));
    const auto truth = numbersOf("blob_labels.npy");
    EXPECT_EQ(c.clusters(), 4u);
    EXPECT_DOUBLE_EQ(latent::adjustedRandIndex(c.labels, std::vector<int>(truth.begin(), truth.end())), 1.0);
    EXPECT_GT(c.quality, 0.5);
}

TEST(Clustering, TheSameSeedGivesTheSameClustersAndTheQualityIsModularity) {
    const latent::FuzzyGraph graph = graphOf(batchOf("mu.npy"));
    latent::LeidenOptions options;
    options.seed = 3;
    const latent::Clustering first = latent::leidenClusters(graph, options);
    EXPECT_EQ(latent::leidenClusters(graph, options).labels, first.labels);
    EXPECT_DOUBLE_EQ(first.quality, latent::modularity(graph, first.labels));
    options.resolution = 2.0;
    EXPECT_GT(latent::leidenClusters(graph, options).clusters(), first.clusters()) << "a higher resolution splits";
}

double meanOf(const nlohmann::json& runs, const char* key) {
    double sum = 0.0;
    for (const auto& run : runs) sum += run.at(key).get<double>();
    return sum / static_cast<double>(runs.size());
}

// Leiden is randomised: two implementations, or two seeds, find different partitions. The
// agreement with the classes is compared as a mean over 5 seeds. Measured on this graph:
// ARI 0.385-0.412 for ours, 0.384-0.423 for leidenalg (seed to seed), hence 0.05 on the
// means. leidenalg reaches a higher modularity (0.755-0.756) than igraph's Leiden (ours
// 0.743-0.748); python-igraph's binding of the same C library gives the same as ours, so
// the modularity is checked against it (0.005 on the means, its seed-to-seed range).
TEST(Clustering, AgreementWithTheClassesEqualsLeidenalgsOnTheSameGraph) {
    const auto ref = reference();
    const latent::FuzzyGraph graph = graphOf(batchOf("mu.npy"));
    const std::vector<int> classes = classesOfTheFirst(ref.at("count").get<std::size_t>());
    double ari = 0.0, quality = 0.0;
    for (const auto& run : ref.at("leidenalg")) {
        latent::LeidenOptions options;
        options.seed = run.at("seed").get<std::uint64_t>();
        const latent::Clustering c = latent::leidenClusters(graph, options);
        ari += latent::adjustedRandIndex(c.labels, classes) / static_cast<double>(ref.at("leidenalg").size());
        quality += c.quality / static_cast<double>(ref.at("leidenalg").size());
    }
    std::printf("mean ARI %.4f (leidenalg %.4f, python-igraph %.4f), modularity %.4f (leidenalg %.4f, python-igraph %.4f)\n",
                ari, meanOf(ref.at("leidenalg"), "ari"), meanOf(ref.at("igraph"), "ari"), quality,
                meanOf(ref.at("leidenalg"), "modularity"), meanOf(ref.at("igraph"), "modularity"));
    EXPECT_NEAR(ari, meanOf(ref.at("leidenalg"), "ari"), 0.05);
    EXPECT_NEAR(quality, meanOf(ref.at("igraph"), "modularity"), 0.005);
}

// Three Gaussian blobs of 300 in 8 dimensions and 90 items spread uniformly around them.
TEST(DensityClusters, FindsTheBlobsAndCallsTheScatteredItemsNoise) {
    std::mt19937 rng(11);
    std::normal_distribution<float> normal(0.0f, 0.5f);
    std::uniform_real_distribution<float> uniform(-12.0f, 12.0f);
    const std::size_t perBlob = 300, scattered = 90, dim = 8;
    latent::LatentBatch data(3 * perBlob + scattered, dim);
    std::vector<int> truth;
    for (std::size_t i = 0; i < data.count; ++i) {
        const bool blob = i < 3 * perBlob;
        const int b = blob ? static_cast<int>(i / perBlob) : -1;
        for (std::size_t d = 0; d < dim; ++d) {
            data.row(i)[d] = blob ? normal(rng) + (d == 0 ? 8.0f * static_cast<float>(b - 1) : 0.0f) : uniform(rng);
        }
        truth.push_back(b);
    }
    latent::KnnOptions knn;
    knn.seed = 3;
    const auto graph = latent::buildKnnGraph(data, 30, knn);
    const latent::Clustering found = latent::densityClusters(graph, {15, 0});
    ASSERT_EQ(found.clusters(), 3u);
    // Every blob is one cluster, whole but for a few of its outskirts.
    std::vector<int> blobItems, clusterOfBlobItems;
    std::size_t blobNoise = 0, scatteredNoise = 0;
    for (std::size_t i = 0; i < data.count; ++i) {
        if (truth[i] >= 0 && found.labels[i] >= 0) {
            blobItems.push_back(truth[i]);
            clusterOfBlobItems.push_back(found.labels[i]);
        }
        if (truth[i] >= 0 && found.labels[i] < 0) ++blobNoise;
        if (truth[i] < 0 && found.labels[i] < 0) ++scatteredNoise;
    }
    EXPECT_DOUBLE_EQ(latent::adjustedRandIndex(blobItems, clusterOfBlobItems), 1.0);
    EXPECT_LT(blobNoise, 3 * perBlob / 20) << "at most 5% of the blobs called noise";
    EXPECT_GT(scatteredNoise, scattered * 9 / 10) << "most scattered items are noise";
}

std::vector<int> rLabels(const std::string& name) {
    std::ifstream file(kReferences / name);
    std::vector<int> labels;
    for (int label = 0; file >> label;) labels.push_back(label - 1);  // dbscan's noise is 0, ours -1
    return labels;
}

// Against R's dbscan::hdbscan (exact, on all pairs), on the graph the app uses: 14 neighbours
// (the UMAP graph's), more when minPts needs them. The two differ in a few items between
// clusters or at their edge: dbscan keeps a group smaller than minPts in its cluster until it
// splits into single items, where the paper (and Python's hdbscan) lets it fall out at once,
// and ties between equal mutual reachabilities break in another order. Measured ARI: 1.0 and
// 0.998 on the latents, 0.993 and 0.993 on the blobs (1 and 2 of 700 items differ); the graph
// is not the cause (60 neighbours give the same). At minPts 15 on these latents they part
// further (ARI 0.917: two clusters of 15 and 16 items dbscan keeps, we merge into one).
TEST(DensityClusters, AgreeWithRsDbscanPackage) {
    const struct {
        const char* data;
        std::size_t minPts;
    } runs[] = {{"mu", 5}, {"mu", 10}, {"noisy_blobs", 10}, {"noisy_blobs", 25}};
    for (const auto& run : runs) {
        SCOPED_TRACE(std::string(run.data) + ", minPts " + std::to_string(run.minPts));
        const latent::LatentBatch points = batchOf((std::string(run.data) + ".npy").c_str());
        const std::vector<int> expected = rLabels("hdbscan_" + std::string(run.data) + "_" + std::to_string(run.minPts) + ".txt");
        ASSERT_EQ(expected.size(), points.count);
        const auto graph = latent::exactKnnGraph(points, std::max<std::size_t>(14, run.minPts - 1));
        const latent::Clustering found = latent::densityClusters(graph, {run.minPts, 0});
        const int rClusters = *std::max_element(expected.begin(), expected.end()) + 1;
        EXPECT_EQ(found.clusters(), static_cast<std::size_t>(rClusters));
        EXPECT_GT(latent::adjustedRandIndex(found.labels, expected), 0.98) << "noise counted as one more label";
        std::size_t sameNoise = 0;
        for (std::size_t i = 0; i < points.count; ++i) sameNoise += (found.labels[i] < 0) == (expected[i] < 0);
        EXPECT_GT(static_cast<double>(sameNoise) / static_cast<double>(points.count), 0.99) << "items both call noise or not";
    }
}

}  // namespace
