// The report card as a whole: what each section says when it can and cannot be measured,
// the same seed giving the same card, and its JSON and HTML forms.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "TempDir.h"
#include "latent/core/Error.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/ReportCardBuilder.h"

namespace {

latent::ReportOptions smallOptions(std::uint64_t seed) {
    latent::ReportOptions options;
    options.seed = seed;
    options.threads = 2;
    options.classifierSample = 300;
    options.generalisationSample = 200;
    options.continuityPairs = 12;
    return options;
}

const latent::WorkspaceRequest& bundledRequest() {
    static const latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 800}, 256, 2};
    return request;
}

const latent::Workspace& bundled() {
    static const latent::Workspace ws = latent::buildWorkspace(bundledRequest());
    return ws;
}

latent::ReportCard cardOf(const latent::Workspace& ws, const latent::WorkspaceIdentity& identity,
                          const latent::ReportOptions& options) {
    return latent::measureReportCard(ws, identity, options, latent::directDecode(ws));
}

// The card without its timing, which differs run to run.
std::string withoutTiming(latent::ReportCard card) {
    card.seconds = 0.0;
    return latent::reportCardJson(card);
}

TEST(ReportCard, TheBundledModelGetsEveryPropertyMeasuredWithItsSample) {
    const latent::ReportCard card = cardOf(bundled(), bundledRequest().identity, smallOptions(1));
    ASSERT_EQ(card.sections.size(), 5u);
    for (const char* id : {"continuity", "disentanglement", "compactness", "separability", "generalisation"}) {
        const latent::CardSection* section = card.section(id);
        ASSERT_NE(section, nullptr) << id;
        EXPECT_TRUE(section->unavailable.empty()) << id << ": " << section->unavailable;
        EXPECT_FALSE(section->numbers.empty()) << id;
        EXPECT_FALSE(section->plots.empty()) << id;
        for (const latent::CardNumber& n : section->numbers) {
            EXPECT_TRUE(std::isfinite(n.value)) << n.id;
            EXPECT_NE(n.sample.find("items"), std::string::npos) << n.id << " does not state its sample: " << n.sample;
        }
    }
    EXPECT_EQ(card.items, 800u);
    // Accuracies are fractions; the latents beat chance (10 classes) by far.
    for (const char* id : {"separability.linear_latents", "separability.knn_latents", "separability.linear_pixels"}) {
        ASSERT_NE(card.number(id), nullptr) << id;
        EXPECT_GT(card.number(id)->value, 0.5) << id;
        EXPECT_LE(card.number(id)->value, 1.0) << id;
    }
    // The train split is the one the model learned: it is reproduced at least as well.
    EXPECT_LE(card.number("generalisation.mse_first")->value, card.number("generalisation.mse_second")->value * 1.2);
    EXPECT_NE(card.section("generalisation")->numbers.front().label.find("train split"), std::string::npos);
    EXPECT_NE(card.number("generalisation.elbo_gap"), nullptr) << "the bundled model is a VAE";
    EXPECT_EQ(card.section("continuity")->plots.front().images.size(), smallOptions(1).continuitySteps + 1);
}

TEST(ReportCard, TheSameSeedGivesTheSameCardAndAnotherSeedAnotherSample) {
    const latent::ReportCard first = cardOf(bundled(), bundledRequest().identity, smallOptions(5));
    const latent::ReportCard again = cardOf(bundled(), bundledRequest().identity, smallOptions(5));
    EXPECT_EQ(withoutTiming(first), withoutTiming(again));
    const latent::ReportCard other = cardOf(bundled(), bundledRequest().identity, smallOptions(6));
    EXPECT_NE(first.number("continuity.mean_rate")->value, other.number("continuity.mean_rate")->value);
    EXPECT_NE(other.number("separability.linear_latents")->sample.find("seed 6"), std::string::npos);
}

TEST(ReportCard, LatentsWithoutModelOrLabelsSayWhichPropertiesCannotBeMeasuredAndWhy) {
    TempDir dir;
    latent::LatentBatch latents(60, 4);
    for (std::size_t i = 0; i < latents.values.size(); ++i) latents.values[i] = std::sin(0.7f * static_cast<float>(i));
    latent::writeNpy(dir / "z.npy", latents);
    latent::WorkspaceRequest request;
    request.identity.dataPath = dir / "z.npy";
    const latent::Workspace ws = latent::buildWorkspace(request);
    const latent::ReportCard card = cardOf(ws, request.identity, smallOptions(1));
    EXPECT_NE(card.section("continuity")->unavailable.find("no model"), std::string::npos);
    EXPECT_NE(card.section("generalisation")->unavailable.find("no model"), std::string::npos);
    EXPECT_NE(card.section("separability")->unavailable.find("no labels"), std::string::npos);
    EXPECT_NE(card.section("disentanglement")->unavailable.find("no labels"), std::string::npos);
    const latent::CardSection* compactness = card.section("compactness");
    EXPECT_TRUE(compactness->unavailable.empty());
    EXPECT_NE(compactness->numbers.front().label.find("variance"), std::string::npos) << "no posterior: variances";
    const std::string text = latent::reportCardText(card);
    EXPECT_NE(text.find("not measured: there is no model"), std::string::npos) << text;
}

TEST(ReportCard, JsonHoldsEveryNumberAndHtmlIsOneSelfContainedPage) {
    TempDir dir;
    const latent::ReportCard card = cardOf(bundled(), bundledRequest().identity, smallOptions(1));
    latent::writeReportCard(dir / "card.json", card);
    latent::writeReportCard(dir / "card.html", card);
    std::ifstream jsonFile(dir / "card.json");
    const auto json = nlohmann::json::parse(jsonFile);
    EXPECT_EQ(json.at("seed").get<int>(), 1);
    ASSERT_EQ(json.at("sections").size(), 5u);
    const auto& separability = json.at("sections").at(3);
    EXPECT_EQ(separability.at("id"), "separability");
    EXPECT_DOUBLE_EQ(separability.at("numbers").at(0).at("value").get<double>(),
                     card.number("separability.linear_latents")->value);

    std::ifstream htmlFile(dir / "card.html");
    std::stringstream html;
    html << htmlFile.rdbuf();
    const std::string page = html.str();
    for (const char* title : {"Continuity", "Disentanglement", "Compactness", "Separability", "Generalisation"}) {
        EXPECT_NE(page.find(std::string("<h2>") + title + "</h2>"), std::string::npos) << title;
    }
    EXPECT_NE(page.find("<svg"), std::string::npos);
    EXPECT_NE(page.find("src=\"data:image/png;base64,"), std::string::npos) << "the worst path's strip is inline";
    EXPECT_EQ(page.find("http"), std::string::npos) << "the page must need nothing beside it";
    EXPECT_THROW(latent::writeReportCard(dir / "card.txt", card), latent::Error);
}

}  // namespace
