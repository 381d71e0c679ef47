#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <random>

#include "../core/TempDir.h"
#include "GuiChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Projector.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/ProjectionPanel.h"

namespace {

using latent::ProjectionMethod;
using latent::ui::MainWindow;

class ProjectionPanelTest : public WindowFixture {
protected:
    // Chooses a method (and axes) in the panel and presses Run; waits for the new map.
    void runFromPanel(ProjectionMethod method, std::vector<int> axes = {}) {
        auto* panel = parts(window).projectionPanel();
        auto p = panel->params();
        p.method = method;
        if (!axes.empty()) p.axes = std::move(axes);
        panel->setParams(p);
        QSignalSpy shown(window.get(), &MainWindow::projectionShown);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        ASSERT_TRUE(shown.count() > 0 || shown.wait(20000)) << "no map for " << latent::toString(method);
        settle();
    }

    std::vector<QPoint> viewPositions(const std::vector<std::size_t>& items) const {
        std::vector<QPoint> out;
        for (std::size_t i : items) out.push_back(parts(window).map()->viewPositionOf(i));
        return out;
    }
};

TEST_F(ProjectionPanelTest, EveryMethodIsOfferedAndTheMapOpensOnPca) {
    openWindow(2, 500);
    for (auto m : {ProjectionMethod::Pca, ProjectionMethod::Tsne, ProjectionMethod::Umap,
                   ProjectionMethod::Lle, ProjectionMethod::LatentAxes}) {
        EXPECT_TRUE(parts(window).projectionPanel()->isMethodEnabled(m)) << latent::toString(m);
    }
    EXPECT_EQ(parts(window).projection()->params.method, ProjectionMethod::Pca);
    EXPECT_TRUE(parts(window).mapTitle().startsWith("PCA 2D")) << parts(window).mapTitle().toStdString();
}

TEST_F(ProjectionPanelTest, LatentAxesThenBackToPcaUpdatesTheMapAndDecodesExactly) {
    openWindow(2, 2000);
    const auto* ws = parts(window).workspace();
    auto* map = parts(window).map();
    const std::vector<std::size_t> items = {0, 100, 500, 1500};
    const auto pcaPositions = viewPositions(items);
    const std::vector<float> pcaCoords = parts(window).projection()->coords.values;

    runFromPanel(ProjectionMethod::LatentAxes, {3, 1});
    const auto* shown = parts(window).projection();
    ASSERT_EQ(shown->params.method, ProjectionMethod::LatentAxes);
    EXPECT_TRUE(parts(window).mapTitle().startsWith("Latent axes 2D, dims 3 1")) << parts(window).mapTitle().toStdString();
    for (std::size_t i : items) {
        EXPECT_EQ(shown->coords.row(i)[0], ws->latents.row(i)[3]);
        EXPECT_EQ(shown->coords.row(i)[1], ws->latents.row(i)[1]);
    }
    const auto axesPositions = viewPositions(items);
    EXPECT_NE(axesPositions, pcaPositions);

    // Empty space decodes the mean latent with dimensions 3 and 1 set to the click.
    const QPoint corner(12, 12);
    ASSERT_FALSE(map->pointAt(corner).has_value());
    const QVector3D world = map->worldAt(corner);
    QSignalSpy decoded(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(map->view(), Qt::LeftButton, Qt::NoModifier, corner);
    ASSERT_TRUE(decoded.wait(10000));
    latent::ProjectionParams axes;
    axes.method = ProjectionMethod::LatentAxes;
    axes.axes = {3, 1};
    const auto latents = std::make_shared<const latent::LatentBatch>(ws->latents);
    const auto expected = latent::project(latents, axes).decode(std::vector<float>{world.x(), world.y()});
    EXPECT_EQ(expected.latent[3], world.x());
    EXPECT_EQ(expected.latent[1], world.y());
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), -1);
    EXPECT_TRUE(parts(window).imagePanel()->dataDistanceText().isEmpty());  // exact: no distance cue
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*ws, expected.latent));

    // Back to PCA: cached, so it is on screen as soon as Run is pressed.
    auto p = parts(window).projectionPanel()->params();
    p.method = ProjectionMethod::Pca;
    parts(window).projectionPanel()->setParams(p);
    QSignalSpy again(window.get(), &MainWindow::projectionShown);
    QTest::mouseClick(parts(window).projectionPanel()->runButton(), Qt::LeftButton);
    EXPECT_EQ(again.count(), 1);
    settle();
    EXPECT_EQ(parts(window).projection()->params.method, ProjectionMethod::Pca);
    EXPECT_EQ(parts(window).projection()->coords.values, pcaCoords);
    EXPECT_NE(viewPositions(items), axesPositions);  // the map moved back
}

TEST_F(ProjectionPanelTest, TheThreeDToggleIsTheDimsParameter) {
    openWindow(2, 800);
    runFromPanel(ProjectionMethod::LatentAxes, {0, 1, 2});
    EXPECT_EQ(parts(window).projection()->coords.dim, 2u);
    QSignalSpy shown(window.get(), &MainWindow::projectionShown);
    window->setDimensions(3);
    ASSERT_TRUE(shown.count() > 0 || shown.wait(10000));
    settle();
    EXPECT_EQ(parts(window).map()->dimensions(), 3);
    EXPECT_EQ(parts(window).projectionPanel()->params().dims, 3);
    const auto* ws = parts(window).workspace();
    for (std::size_t c = 0; c < 3; ++c) EXPECT_EQ(parts(window).projection()->coords.row(7)[c], ws->latents.row(7)[c]);
    window->setDimensions(2);
    EXPECT_EQ(parts(window).projection()->coords.dim, 2u);  // cached: switched at once
}

TEST(ImagePanelDistanceCue, SaysHowFarFromTheDataAndWarnsWhenFar) {
    latent::ui::ImagePanel panel;
    panel.showGenerated("x = 1, y = 2");
    EXPECT_TRUE(panel.dataDistanceText().isEmpty());
    panel.setDataDistance(0.4);
    EXPECT_TRUE(panel.dataDistanceText().contains(QString::fromUtf8("0.4× the typical spacing")))
        << panel.dataDistanceText().toStdString();
    EXPECT_FALSE(panel.dataDistanceIsWarning());
    panel.setDataDistance(6.0);
    EXPECT_TRUE(panel.dataDistanceIsWarning());
    EXPECT_TRUE(panel.dataDistanceText().contains("guess"));
    panel.showGenerated("x = 0, y = 0");
    EXPECT_TRUE(panel.dataDistanceText().isEmpty());
}

}  // namespace

namespace {

// The map under a projection shows its previews; cancelled, the map on show before it
// comes back, point for point.
TEST_F(ProjectionPanelTest, CancellingAProjectionPutsThePreviousMapBackOnScreen) {
    openWindow(2, 3000);
    const latent::ProjectionResult* before = parts(window).projection();
    ASSERT_NE(before, nullptr);
    const QString titleBefore = parts(window).mapTitle();
    ASSERT_TRUE(titleBefore.startsWith("PCA 2D")) << titleBefore.toStdString();
    auto* map = parts(window).map();
    auto showsBefore = [&] {
        for (std::size_t i = 0; i < before->coords.count; i += 97) {
            const QVector3D at = map->positionOf(i);
            const auto z = before->coords.row(i);
            if (at.x() != z[0] || at.y() != z[1]) return false;
        }
        return true;
    };
    ASSERT_TRUE(showsBefore());

    auto* panel = parts(window).projectionPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->qualityText().contains("trustworthiness"); }, 60000));
    const QString summaryBefore = panel->summaryText();
    const QString qualityBefore = panel->qualityText();
    auto p = panel->params();
    p.method = ProjectionMethod::Tsne;
    panel->setParams(p);
    auto cancelAndCheck = [&](const char* when) {
        // While it runs, the panel speaks of the run, not of the PCA map.
        EXPECT_TRUE(panel->summaryText().startsWith("Computing t-SNE")) << panel->summaryText().toStdString();
        EXPECT_TRUE(panel->qualityText().isEmpty()) << panel->qualityText().toStdString();
        QTest::mouseClick(panel->cancelButton(), Qt::LeftButton);
        ASSERT_TRUE(QTest::qWaitFor([&] { return panel->runButton()->isEnabled(); }, 60000)) << "not cancelled " << when;
        settle();
        EXPECT_EQ(parts(window).projection(), before) << when;
        EXPECT_TRUE(showsBefore()) << "cancelled " << when << ", the map still shows the projection's preview";
        EXPECT_TRUE(parts(window).mapTitle().startsWith("PCA 2D")) << when << ": " << parts(window).mapTitle().toStdString();
        EXPECT_EQ(panel->summaryText(), summaryBefore) << when;
        EXPECT_EQ(panel->qualityText(), qualityBefore) << when;
    };
    // While it still indexes the neighbours (the title says what the map is becoming)...
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    EXPECT_TRUE(parts(window).mapTitle().startsWith("t-SNE 2D")) << parts(window).mapTitle().toStdString();
    EXPECT_TRUE(parts(window).mapTitle().contains(QString::fromUtf8("computing…")))
        << parts(window).mapTitle().toStdString();
    cancelAndCheck("while indexing");
    // ...and once it shows its layouts.
    QTest::mouseClick(panel->runButton(), Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return !showsBefore(); }, 60000)) << "no preview of the t-SNE was shown";
    cancelAndCheck("during the layout");
}

}  // namespace

namespace {

// View > Open Data on UMAP: the data shows on PCA at once, and UMAP follows by itself in
// the background. Off (the default of a window nobody set up), the map stays on PCA.
TEST_F(ProjectionPanelTest, WithOpenOnUmapTheDataShowsOnPcaThenUmapFollows) {
    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 1500}, 256};
    window = std::make_unique<MainWindow>(request, 2);
    window->setOpensOnUmap(true);
    window->resize(1280, 800);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    QSignalSpy ready(window.get(), &MainWindow::workspaceReady);
    window->startLoading();
    ASSERT_TRUE(ready.wait(120000));
    ASSERT_NE(parts(window).projection(), nullptr);
    EXPECT_EQ(parts(window).projection()->params.method, ProjectionMethod::Pca);
    EXPECT_FALSE(parts(window).projectionPanel()->runButton()->isEnabled()) << "UMAP is not running";
    // The PCA map's quality, measured meanwhile, must not put its title back over the run.
    auto* panel = parts(window).projectionPanel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return panel->qualityText().contains("trustworthiness") || panel->runButton()->isEnabled(); }, 60000));
    if (!panel->runButton()->isEnabled()) {
        EXPECT_TRUE(parts(window).mapTitle().startsWith("UMAP 2D")) << parts(window).mapTitle().toStdString();
        EXPECT_TRUE(parts(window).mapTitle().contains(QString::fromUtf8("computing…"))) << parts(window).mapTitle().toStdString();
    }
    ASSERT_TRUE(QTest::qWaitFor(
        [&] { return parts(window).projection()->params.method == ProjectionMethod::Umap; }, 120000));
    EXPECT_TRUE(parts(window).mapTitle().startsWith("UMAP 2D")) << parts(window).mapTitle().toStdString();

    openWindow(2, 800);  // a window nobody set up
    EXPECT_EQ(parts(window).projection()->params.method, ProjectionMethod::Pca);
    EXPECT_TRUE(parts(window).projectionPanel()->runButton()->isEnabled());
}

}  // namespace

namespace {

// Latent axes nobody chose are the most active dimensions, never a collapsed one: here
// latents whose dimensions 0 and 1 are constant and 2, 3, 4 vary more and more.
TEST_F(ProjectionPanelTest, LatentAxesDefaultToTheMostActiveDimensions) {
    TempDir dir;
    latent::LatentBatch z(300, 5);
    std::mt19937 rng(4);
    std::normal_distribution<float> normal;
    for (std::size_t i = 0; i < z.count; ++i) {
        for (std::size_t d = 2; d < 5; ++d) z.row(i)[d] = normal(rng) * static_cast<float>(d);
    }
    latent::writeNpy(dir / "z.npy", z);
    latent::WorkspaceRequest request{{{}, dir / "z.npy", "test", 0}, 256};
    window = std::make_unique<MainWindow>(request, 2);
    window->show();
    QSignalSpy ready(window.get(), &MainWindow::workspaceReady);
    window->startLoading();
    ASSERT_TRUE(ready.wait(60000));
    const auto axes = parts(window).projectionPanel()->params().axes;
    ASSERT_EQ(axes.size(), 2u);
    EXPECT_EQ(axes[0], 4);
    EXPECT_EQ(axes[1], 3);
}

}  // namespace
