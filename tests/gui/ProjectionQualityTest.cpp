#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/ProjectionQuality.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/ProjectionQualityMeter.h"

namespace {

using latent::ProjectionMethod;
using latent::ui::MainWindow;
using latent::ui::ProjectionQualityMeter;

class ProjectionQualityTest : public WindowFixture {
protected:
    // The scores core gives for the map on show, as the panel would write them.
    latent::ui::ProjectionQualityScores coreScores() const {
        const auto* ws = parts(window).workspace();
        const auto& coords = parts(window).projection()->coords;
        const int threads = parts(window).projectionPanel()->params().threads;
        latent::ui::ProjectionQualityScores s;
        s.k = ProjectionQualityMeter::kNeighbours;
        s.queries = std::min(ProjectionQualityMeter::kQueries, coords.count);
        s.trustworthiness = latent::trustworthiness(ws->latents, coords, s.k, ProjectionQualityMeter::kQueries,
                                                    ProjectionQualityMeter::kSeed, threads);
        s.knnPreservation = latent::knnPreservation(ws->latents, coords, s.k, ProjectionQualityMeter::kQueries,
                                                    ProjectionQualityMeter::kSeed, threads);
        return s;
    }

    void expectShownScoresAreCores() {
        auto* panel = parts(window).projectionPanel();
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel->qualityText().startsWith("trustworthiness"); }, 20000))
            << panel->qualityText().toStdString();
        const auto expected = coreScores();
        EXPECT_EQ(panel->qualityText(), ProjectionQualityMeter::describe(expected));
        EXPECT_TRUE(parts(window).mapTitle().endsWith(ProjectionQualityMeter::brief(expected)))
            << parts(window).mapTitle().toStdString();
        EXPECT_GT(expected.trustworthiness, 0.5);
    }
};

TEST_F(ProjectionQualityTest, EachMapShowsCoresScoresAndACachedMapKeepsThem) {
    openWindow(2, 1500);  // more points than queries: the scores are sampled
    ASSERT_EQ(parts(window).projection()->params.method, ProjectionMethod::Pca);
    expectShownScoresAreCores();
    const QString pcaText = parts(window).projectionPanel()->qualityText();
    EXPECT_TRUE(pcaText.contains("1,000 sampled points")) << pcaText.toStdString();

    auto* panel = parts(window).projectionPanel();
    auto p = panel->params();
    p.method = ProjectionMethod::Lle;
    panel->setParams(p);
    QSignalSpy shown(window.get(), &MainWindow::projectionShown);
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    expectShownScoresAreCores();
    EXPECT_NE(panel->qualityText(), pcaText);

    // Back to PCA: the cached map comes with its scores at once, no new measurement.
    p.method = ProjectionMethod::Pca;
    window->setProjection(p);
    EXPECT_EQ(panel->qualityText(), pcaText);
}

TEST(ProjectionQualityText, SaysWhetherTheScoresAreSampled) {
    latent::ui::ProjectionQualityScores s{15, 300, 0.9627, 0.41};
    EXPECT_EQ(ProjectionQualityMeter::describe(s).toStdString(),
              "trustworthiness@15 0.963 · kNN preservation@15 0.410 (all 300 points)");
    s.queries = 1000;
    EXPECT_EQ(ProjectionQualityMeter::brief(s).toStdString(), "trust@15 0.96, kNN@15 0.41");
    EXPECT_TRUE(ProjectionQualityMeter::describe(s).endsWith("(1,000 sampled points)"));
}

}  // namespace
