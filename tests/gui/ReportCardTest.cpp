// The Report card dock on the bundled model: measured in the background with progress, the
// same numbers core measures, exported as HTML, JSON and PNG, cancelled without a card, and
// cleared by a new workspace.
#include <gtest/gtest.h>

#include <QImage>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/ReportCardBuilder.h"
#include "latent/ui/CardPlotWidget.h"
#include "latent/ui/ReportCardController.h"
#include "latent/ui/ReportCardPanel.h"
#include "latent/ui/ReportCardView.h"

namespace {

class ReportCardTest : public WindowFixture {
protected:
    latent::ui::ReportCardPanel* panel() const { return parts(window).reportCard(); }
    QPushButton* button(const QString& text) const {
        for (auto* b : panel()->findChildren<QPushButton*>()) {
            if (b->text() == text) return b;
        }
        return nullptr;
    }
    void openAndWaitUntilMeasurable(std::size_t items) {
        openWindow(2, items);
        ASSERT_TRUE(QTest::qWaitFor([&] { return button("Measure")->isEnabled(); }, 10000));
    }
};

TEST_F(ReportCardTest, MeasureShowsTheCardCoreMeasuresAndExportsItThreeWays) {
    TempDir dir;
    openAndWaitUntilMeasurable(1200);
    QTest::mouseClick(button("Measure"), Qt::LeftButton);
    EXPECT_TRUE(panel()->running());
    EXPECT_TRUE(button("Cancel")->isEnabled());
    EXPECT_FALSE(button("Measure")->isEnabled());
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->card().has_value(); }, 120000)) << panel()->status().toStdString();
    EXPECT_FALSE(panel()->running());

    // The numbers are core's for the same workspace and seed (the engine decodes as the
    // model does).
    const latent::ReportCard& shown = *panel()->card();
    latent::ReportOptions options;
    options.seed = panel()->seed();
    const auto ws = window->state()->workspace();
    const latent::ReportCard expected =
        latent::measureReportCard(*ws, window->state()->identity(), options, latent::directDecode(*ws));
    for (const char* id : {"compactness.participation_ratio", "separability.knn_latents", "disentanglement.mig.label",
                           "continuity.mean_rate", "generalisation.mse_second"}) {
        ASSERT_NE(shown.number(id), nullptr) << id;
        // Relative 1e-4: the engine decodes in chunks of another size, which may round differently.
        EXPECT_NEAR(shown.number(id)->value, expected.number(id)->value, 1e-4 * std::abs(expected.number(id)->value)) << id;
    }
    // Every section is on the page, with its plots.
    const QString page = panel()->view()->texts().join('\n');
    for (const char* title : {"Continuity", "Disentanglement", "Compactness", "Separability", "Generalisation"}) {
        EXPECT_TRUE(page.contains(title)) << title;
    }
    EXPECT_GE(panel()->view()->findChildren<latent::ui::CardPlotWidget*>().size(), 6);

    auto* controller = parts(window).reportCardController();
    for (const char* name : {"card.html", "card.json", "card.png"}) {
        const auto path = dir / name;
        EXPECT_EQ(controller->exportTo(QString::fromStdString(path.string())), QString()) << name;
        EXPECT_GT(std::filesystem::file_size(path), 1000u) << name;
    }
    std::ifstream json(dir / "card.json");
    EXPECT_EQ(nlohmann::json::parse(json).at("sections").size(), 5u);
    const QImage png(QString::fromStdString((dir / "card.png").string()));
    ASSERT_FALSE(png.isNull());
    EXPECT_EQ(png.width(), 1800) << "900 logical pixels, drawn at twice the resolution";
    EXPECT_GT(png.height(), png.width()) << "a page: every section, one below the other";
    if (const char* keep = std::getenv("LATENT_KEEP_REPORT_PNG")) png.save(keep);
}

TEST_F(ReportCardTest, CancelStopsTheRunWithoutACardAndANewWorkspaceClearsTheCard) {
    openAndWaitUntilMeasurable(3000);
    QTest::mouseClick(button("Measure"), Qt::LeftButton);
    ASSERT_TRUE(panel()->running());
    QTest::mouseClick(button("Cancel"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel()->running(); }, 60000));
    EXPECT_FALSE(panel()->card().has_value());
    EXPECT_TRUE(panel()->status().startsWith("Cancelled")) << panel()->status().toStdString();
    EXPECT_TRUE(button("Measure")->isEnabled());
    EXPECT_EQ(parts(window).reportCardController()->exportTo("/tmp/never.html"),
              "There is no report card to export: measure it first.");

    QTest::mouseClick(button("Measure"), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->card().has_value(); }, 120000));
    // Another workspace: the card described the old one.
    QSignalSpy ready(window.get(), &latent::ui::MainWindow::workspaceReady);
    window->openData(QString::fromStdString(std::string(LATENT_DEFAULT_DATA_DIR)));
    ASSERT_TRUE(ready.wait(120000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return !panel()->card().has_value(); }, 5000));
    EXPECT_TRUE(panel()->view()->texts().isEmpty());
}

}  // namespace
