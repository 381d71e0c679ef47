#include "latent/core/Session.h"

#include <gtest/gtest.h>

#include <cstring>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>

#include "FileSizeLimit.h"
#include "TempDir.h"
#include "latent/core/Error.h"

namespace {

latent::Session fullSession() {
    std::mt19937 rng(12);
    std::normal_distribution<float> normal;
    auto latent16 = [&] {
        std::vector<float> z(16);
        for (float& v : z) v = normal(rng);
        return z;
    };
    latent::Session s;
    s.workspace.modelPath = "/models/fashion_vae.pt";
    s.workspace.dataPath = "/usr/share/datasets/fashion-mnist";
    s.workspace.split = "train";
    s.workspace.limit = 5000;
    s.workspace.metadataPath = "/data/shoes/metadata.csv";
    s.workspace.folderFit = latent::FitPolicy::Stretch;
    s.workspace.greyscale = true;
    s.workspace.resizeFilter = latent::ResizeFilter::Nearest;
    s.workspace.priorSamples = 777;
    s.workspace.priorSeed = 31337;
    s.projection.method = latent::ProjectionMethod::Umap;
    s.projection.dims = 3;
    s.projection.seed = 987654321987ULL;
    s.projection.metric = latent::Metric::Cosine;
    s.projection.neighbours = 30;
    s.projection.minDist = 0.25;
    s.projection.tsneRepulsion = latent::TsneRepulsion::Interpolation;
    s.projection.axes = {3, 7};
    s.selection = {1, 5, 9999};
    s.morph = latent::MorphState{latent16(), latent16(), 12, std::nullopt, 0.37,
                                 latent::InterpolationMode::Spherical, 16};
    s.bookmarks = {{"odd boot", latent16(), 42}, {"généré ✓", latent16(), std::nullopt}};
    s.currentLatent = latent16();
    // Values whose decimal form is easy to get wrong.
    s.currentLatent[0] = 0.1f;
    s.currentLatent[1] = std::numeric_limits<float>::denorm_min();
    s.currentLatent[2] = std::numeric_limits<float>::max();
    s.currentLatent[3] = -1.0f / 3.0f;
    s.currentIndex = 7;
    s.view.camera = latent::MapCamera{{0.25, -3.5, 12.0}, {0.25, -3.5, 0.0}, {0.0, 1.0, 0.0}, 0.1 + 0.2};
    s.view.colourBy = "brand ✓";
    s.view.windowLayout = "AAAA/wAAAAD9AAAAAg==";
    latent::ItemClusters clusters;
    clusters.settings.method = latent::kDensity;
    clusters.settings.resolution = 0.37;
    clusters.settings.seed = 987654321987ULL;
    clusters.settings.minClusterSize = 23;
    clusters.neighbours = 30;
    clusters.graphSeed = 77;
    clusters.labels = {0, 1, -1, 0, 2};
    clusters.names = {"Sneaker (94%)", "boots ✓", "Cluster 3"};
    s.annotations.clusters = clusters;
    s.annotations.tags = {{"blurry", {0, 4}}, {"mislabelled ✓", {3}}};
    s.comparedModel = "/models/épocas";
    s.comparedStep = 4;
    return s;
}

latent::ErrorKind loadErrorKind(const std::string& text, std::string* message = nullptr) {
    try {
        latent::sessionFromJson(text, "test.session");
    } catch (const latent::Error& e) {
        if (message) *message = e.what();
        return e.kind();
    }
    ADD_FAILURE() << "accepted: " << text;
    return latent::ErrorKind::Io;
}

TEST(Session, RoundTripIsExactToTheLastBit) {
    const auto s = fullSession();
    const auto back = latent::sessionFromJson(latent::sessionToJson(s));
    EXPECT_EQ(back, s);
    for (std::size_t i = 0; i < s.currentLatent.size(); ++i) {
        EXPECT_EQ(std::memcmp(&back.currentLatent[i], &s.currentLatent[i], sizeof(float)), 0);
    }
}

TEST(Session, SaveIsAtomicAndLoadRestoresIt) {
    TempDir dir;
    const auto path = dir / "explore.session.json";
    latent::saveSession(path, latent::Session{});
    const auto s = fullSession();
    latent::saveSession(path, s);  // replaces the old file
    EXPECT_FALSE(std::filesystem::exists(path.string() + ".tmp"));
    EXPECT_EQ(latent::loadSession(path), s);
}

TEST(Session, FailedSaveLeavesTheOldFileIntact) {
    TempDir dir;
    const auto path = dir / "keep.json";
    latent::saveSession(path, fullSession());
    {
        const FileSizeLimit full(64);  // the disk fills up during the save
        EXPECT_THROW(latent::saveSession(path, latent::Session{}), latent::Error);
    }
    EXPECT_EQ(latent::loadSession(path), fullSession());
}

TEST(Session, MalformedAndForeignFilesAreRefusedWithAMessage) {
    std::string message;
    EXPECT_EQ(loadErrorKind("{\"format\": \"latent-explorer-session\", ", &message), latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("not valid JSON"), std::string::npos);
    EXPECT_EQ(loadErrorKind("{\"format\": \"tensorboard-projector\", \"version\": 1}", &message),
              latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("not a Latent Explorer session"), std::string::npos);
    EXPECT_EQ(loadErrorKind("[1, 2, 3]"), latent::ErrorKind::BadFormat);

    auto j = latent::sessionToJson(fullSession());
    const std::string version = "\"version\": " + std::to_string(latent::Session::kVersion);
    const auto at = j.find(version);
    ASSERT_NE(at, std::string::npos);
    EXPECT_EQ(loadErrorKind(std::string(j).replace(at, version.size(), "\"version\": 9"), &message),
              latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("version 9"), std::string::npos);
    const auto model = j.find("\"model\": ");
    EXPECT_EQ(loadErrorKind(std::string(j).replace(model, 9, "\"model\": 5, \"x\": "), &message),
              latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("test.session"), std::string::npos);
    const auto method = j.find("\"umap\"");
    EXPECT_EQ(loadErrorKind(std::string(j).replace(method, 6, "\"magic\""), &message), latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("magic"), std::string::npos);
}

// Found by fuzz/fuzz_session: before, these escaped as nlohmann exceptions or were
// converted with undefined behaviour (5e90 into a size_t, 1e39 into a float).
TEST(Session, FieldsOfAnotherTypeOrOutOfRangeAreRefusedNamingTheField) {
    const auto good = nlohmann::json::parse(latent::sessionToJson(fullSession()));
    auto refused = [&](const nlohmann::json::json_pointer& field, const nlohmann::json& value) {
        auto j = good;
        j[field] = value;
        std::string message;
        const auto kind = loadErrorKind(j.dump(), &message);
        EXPECT_EQ(kind, latent::ErrorKind::BadFormat) << field.to_string();
        return message;
    };
    using Ptr = nlohmann::json::json_pointer;
    EXPECT_NE(refused(Ptr("/format"), 1).find("not a Latent Explorer session"), std::string::npos);
    EXPECT_NE(refused(Ptr("/compared_model"), 5).find("mistyped"), std::string::npos);
    EXPECT_NE(refused(Ptr("/compared_step"), -1).find("'compared_step'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/data/limit"), 5e90).find("'limit'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/data/prior_samples"), 0).find("'prior_samples'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/current/latent/0"), 1e39).find("'latent'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/bookmarks/0/latent/1"), -1e300).find("'latent'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/selection/1"), -1).find("'selection'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/selection/1"), 2.5).find("'selection'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/projection/dims"), 4).find("'dims'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/projection/threads"), 0).find("'threads'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/projection/perplexity"), -30).find("'perplexity'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/projection/neighbours"), 1e9).find("'neighbours'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/projection/axes/0"), 4096).find("'axes'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/projection/tsne_repulsion"), "fft").find("t-SNE repulsion 'fft'"),
              std::string::npos);
    EXPECT_NE(refused(Ptr("/morph/t"), 1.5).find("'t'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/morph/frames"), 1000).find("'frames'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/view/camera/position"), nlohmann::json::array({1, 2})).find("'position'"),
              std::string::npos);
    EXPECT_NE(refused(Ptr("/view/camera/position"), good["view"]["camera"]["focal_point"]).find("'position'"),
              std::string::npos);
    EXPECT_NE(refused(Ptr("/view/camera/view_up"), nlohmann::json::array({0, 0, 0})).find("'view_up'"),
              std::string::npos);
    EXPECT_NE(refused(Ptr("/view/camera/focal_point/2"), 1e300).find("'focal_point'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/view/camera/parallel_scale"), 0).find("'parallel_scale'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/view/colour_by"), 7).find("test.session"), std::string::npos);
    EXPECT_NE(refused(Ptr("/clusters/labels/1"), 3).find("'labels'"), std::string::npos);  // 3 clusters: 0..2
    EXPECT_NE(refused(Ptr("/clusters/labels/1"), -2).find("'labels'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/clusters/resolution"), 0).find("'resolution'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/clusters/method"), "kmeans").find("'method'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/clusters/min_cluster_size"), 1).find("'min_cluster_size'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/clusters/names/0"), 5).find("test.session"), std::string::npos);
    EXPECT_NE(refused(Ptr("/tags/blurry/0"), -1).find("'tags'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/tags/blurry"), 3).find("'tags'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/tags"), nlohmann::json::array()).find("'tags'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/version"), 6.7e44).find("'version'"), std::string::npos);  // fuzz_session
    EXPECT_NE(refused(Ptr("/version"), 1.5).find("'version'"), std::string::npos);
    EXPECT_NE(refused(Ptr("/version"), 0).find("'version'"), std::string::npos);
    std::string message;
    EXPECT_EQ(loadErrorKind("{\"format\": \"latent-explorer-session\", \"version\": 1" + std::string(400, '9') + "}",
                            &message),
              latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("not valid JSON"), std::string::npos);
}

TEST(Session, VersionOneFilesOpenWithTheDefaultsTheyWereWrittenWith) {
    // A version 1 file: no metadata, image fit or prior sampling fields.
    const std::string v1 = R"({"format": "latent-explorer-session", "version": 1,
        "model": "m.pt", "data": {"dir": "d", "split": "test", "limit": 0},
        "projection": {"method": "pca", "dims": 2, "seed": 42}})";
    const latent::Session s = latent::sessionFromJson(v1);
    EXPECT_EQ(s.workspace.modelPath, "m.pt");
    EXPECT_EQ(s.workspace.metadataPath, "");
    EXPECT_EQ(s.workspace.folderFit, latent::FitPolicy::CentreCrop);
    EXPECT_FALSE(s.workspace.greyscale);
    EXPECT_EQ(s.workspace.resizeFilter, latent::ResizeFilter::Bilinear);
    EXPECT_EQ(s.workspace.priorSamples, 2000u);
    EXPECT_EQ(s.workspace.priorSeed, 1u);
    EXPECT_EQ(s.view, latent::SessionView{});  // framed, default colours, default layout
    std::string message;
    auto j = latent::sessionToJson(fullSession());
    const auto fit = j.find("\"stretch\"");
    ASSERT_NE(fit, std::string::npos);
    EXPECT_EQ(loadErrorKind(j.replace(fit, 9, "\"squash\""), &message), latent::ErrorKind::BadFormat);
    EXPECT_NE(message.find("squash"), std::string::npos);
}

TEST(Session, ClustersSavedBeforeDensityClustersAreLeidensWithTheDefaultMinimumSize) {
    auto j = nlohmann::json::parse(latent::sessionToJson(fullSession()));
    j["clusters"]["method"] = "leiden";
    j["clusters"].erase("min_cluster_size");
    const latent::Session s = latent::sessionFromJson(j.dump());
    ASSERT_TRUE(s.annotations.clusters);
    EXPECT_EQ(s.annotations.clusters->settings.method, latent::kLeiden);
    EXPECT_EQ(s.annotations.clusters->settings.minClusterSize, latent::ClusterSettings{}.minClusterSize);
    EXPECT_EQ(s.annotations.clusters->labels, fullSession().annotations.clusters->labels);
}

TEST(Session, MissingFileIsAnIoError) {
    try {
        latent::loadSession("/nonexistent/x.json");
        FAIL();
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Io);
    }
}

}  // namespace
