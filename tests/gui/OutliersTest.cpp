// The Outliers panel on the bundled model: the worst items by a score, their triples,
// selecting, choosing and exporting them; and what it says when a score cannot be had.
#include <gtest/gtest.h>

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>
#include <filesystem>
#include <fstream>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/ItemScores.h"
#include "latent/ui/OutliersController.h"
#include "latent/ui/OutliersPanel.h"
#include "latent/ui/ScoreHistogram.h"
#include "latent/ui/SelectionModel.h"

namespace {

class OutliersTest : public WindowFixture {
protected:
    latent::ui::OutliersPanel* panel() const { return parts(window).outliers(); }
    std::vector<QToolButton*> tiles() const {
        std::vector<QToolButton*> shown;
        for (auto* b : panel()->findChildren<QToolButton*>()) {
            if (b->text().startsWith('#')) shown.push_back(b);
        }
        return shown;
    }
};

TEST_F(OutliersTest, TheWorstItemsByReconstructionErrorShowAsTriplesAndCanBeSelected) {
    openWindow(2, 2000);
    const latent::ScoreColumn* score = panel()->score();
    ASSERT_NE(score, nullptr);
    EXPECT_EQ(score->id, "outlier_score");  // the first score offered
    const auto& values = parts(window).workspace()->scores.find("outlier_score")->values;
    // The top 1% to start with, worst first, as core ranks them.
    const double threshold = latent::quantile(values, latent::ui::OutliersPanel::kStartQuantile);
    EXPECT_DOUBLE_EQ(panel()->histogram()->threshold(), threshold);
    EXPECT_EQ(panel()->outliers(), latent::itemsAtOrAbove(values, threshold));
    EXPECT_EQ(panel()->outliers().size(), 20u);
    EXPECT_TRUE(panel()->summary().startsWith("20 of 2000 items (1.0%)")) << panel()->summary().toStdString();

    // Each tile becomes original | reconstruction | error map once the strip is decoded.
    ASSERT_EQ(tiles().size(), 20u);
    ASSERT_TRUE(QTest::qWaitFor([&] { return tiles().front()->icon().availableSizes().value(0).width() > 120; }, 10000))
        << "the reconstructions never came";

    // A lower threshold: more outliers; Select These puts exactly them on the map.
    panel()->histogram()->setThreshold(latent::quantile(values, 0.9));
    EXPECT_EQ(panel()->outliers().size(), 200u);
    EXPECT_EQ(tiles().size(), latent::ui::OutliersPanel::kStripItems);
    QPushButton* select = nullptr;
    for (auto* b : panel()->findChildren<QPushButton*>()) {
        if (b->text() == "Select These") select = b;
    }
    ASSERT_NE(select, nullptr);
    QTest::mouseClick(select, Qt::LeftButton);
    auto selected = window->state()->selection()->indices();
    auto expected = panel()->outliers();
    std::sort(expected.begin(), expected.end());
    EXPECT_EQ(selected, expected);

    // A tile goes to its item.
    QTest::mouseClick(tiles()[3], Qt::LeftButton);
    EXPECT_EQ(window->state()->current().index.value_or(SIZE_MAX), panel()->outliers()[3]);
}

TEST_F(OutliersTest, AnotherScoreAndAnExportOfTheList) {
    TempDir dir;
    openWindow(2, 1000);
    ASSERT_TRUE(panel()->setScore("knn_distance"));
    EXPECT_FALSE(panel()->setScore("no_such_score"));
    EXPECT_EQ(panel()->score()->id, "knn_distance");
    const auto outliers = panel()->outliers();
    ASSERT_EQ(outliers.size(), 10u);
    auto* controller = window->findChild<latent::ui::OutliersController*>();
    ASSERT_NE(controller, nullptr);
    const auto path = dir / "far.csv";
    EXPECT_EQ(controller->exportTo(QString::fromStdString(path.string()), outliers, "knn_distance"), QString());
    std::ifstream in(path);
    std::string header, first;
    std::getline(in, header);
    std::getline(in, first);
    EXPECT_EQ(header, "rank,index,label,knn_distance");
    EXPECT_EQ(first.substr(0, first.find(',', 2)), "1," + std::to_string(outliers.front()));
}

TEST_F(OutliersTest, AGeneratorOnlyModelOffersTheLatentScoreAndSaysWhyNotTheOthers) {
    latent::WorkspaceRequest request;
    request.identity.modelPath = std::filesystem::path(LATENT_MODEL_FIXTURES) / "gan_rgb64.pt";
    request.identity.priorSamples = 300;
    window = std::make_unique<latent::ui::MainWindow>(request, 2);
    window->resize(1280, 800);
    window->show();
    QSignalSpy ready(window.get(), &latent::ui::MainWindow::workspaceReady);
    window->startLoading();
    ASSERT_TRUE(ready.wait(120000));
    // The panel takes the workspace on the event loop's next turn (after the window's own wiring).
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel()->score() != nullptr; }, 5000));
    EXPECT_EQ(panel()->score()->id, "knn_distance");
    EXPECT_TRUE(panel()->unavailableNote().contains("reconstruction error (MSE): the model has no encoder"))
        << panel()->unavailableNote().toStdString();
    EXPECT_TRUE(panel()->unavailableNote().contains("KL to the prior")) << panel()->unavailableNote().toStdString();
}

}  // namespace
