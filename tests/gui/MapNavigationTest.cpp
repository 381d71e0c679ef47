// How the map moves under the mouse, in the real window.
#include <gtest/gtest.h>

#include <QApplication>
#include <QPushButton>
#include <QTest>
#include <QSignalSpy>
#include <QWheelEvent>
#include <functional>

#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace {

class MapNavigationTest : public WindowFixture {
protected:
    void wheel(QPoint at, int notches) {
        auto* view = parts(window).map()->view();
        QWheelEvent event(QPointF(at), view->mapToGlobal(QPointF(at)), QPoint(), QPoint(0, 120 * notches),
                          Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(view, &event);
    }
};

// The wheel zooms about the cursor: the world point under it stays under it, so zooming
// over a cluster ends on the cluster (it used to zoom about the view's centre).
TEST_F(MapNavigationTest, WheelZoomKeepsThePointUnderTheCursorInPlace) {
    for (int dims : {2, 3}) {
        openWindow(dims, 1000);
        const auto* map = parts(window).map();
        const QRect r = map->view()->rect();
        const QPoint cursor(r.width() * 3 / 10, r.height() * 7 / 20);
        const QVector3D world = map->worldAt(cursor);
        const float spanBefore = (map->worldAt(cursor + QPoint(60, 0)) - world).length();
        wheel(cursor, 2);
        const QPoint after = map->viewPositionAt(world);
        EXPECT_LE((after - cursor).manhattanLength(), 2) << dims << "-D: the point moved to " << after.x()
                                                          << "," << after.y();
        const float spanAfter = (map->worldAt(cursor + QPoint(60, 0)) - map->worldAt(cursor)).length();
        EXPECT_LT(spanAfter, spanBefore / 1.3f) << dims << "-D: two notches did not zoom in";
        wheel(cursor, -2);
        EXPECT_LE((map->viewPositionAt(world) - cursor).manhattanLength(), 2) << dims << "-D, zooming out";
    }
}

}  // namespace

namespace {

class FittedMapTest : public WindowFixture {
protected:
    // Points of the map (every 7th) drawn inside the map view.
    std::size_t pointsOutsideTheView() const {
        const auto* map = parts(window).map();
        const QRect view = map->view()->rect();
        std::size_t outside = 0;
        for (std::size_t i = 0; i < map->pointCount(); i += 7) outside += view.contains(map->viewPositionOf(i)) ? 0 : 1;
        return outside;
    }

    void runTsne(int seed, const std::function<void()>& duringRun = {}) {
        auto* panel = parts(window).projectionPanel();
        auto p = panel->params();
        p.method = latent::ProjectionMethod::Tsne;
        p.seed = static_cast<std::uint64_t>(seed);
        panel->setParams(p);
        QSignalSpy shown(window.get(), &latent::ui::MainWindow::projectionShown);
        QTest::mouseClick(panel->runButton(), Qt::LeftButton);
        if (duringRun) duringRun();
        ASSERT_TRUE(shown.count() > 0 || shown.wait(120000)) << "the t-SNE did not finish";
        settle();
    }
};

// A finished run is framed, and stays framed when the window changes size; a user who
// zoomed in during the run keeps the view.
TEST_F(FittedMapTest, TheFinishedMapIsFramedUnlessTheUserMovedTheCamera) {
    openWindow(2, 1500);
    runTsne(1);
    EXPECT_TRUE(parts(window).map()->cameraFitted());
    EXPECT_EQ(pointsOutsideTheView(), 0u);
    window->resize(1000, 640);
    settle();
    EXPECT_EQ(pointsOutsideTheView(), 0u) << "after the window shrank";

    runTsne(2, [&] {
        auto* map = parts(window).map();
        const auto before = map->positionOf(0);
        ASSERT_TRUE(QTest::qWaitFor([&] { return map->positionOf(0) != before; }, 60000)) << "no preview";
        const QPoint centre = map->view()->rect().center();
        QWheelEvent zoom(QPointF(centre), map->view()->mapToGlobal(QPointF(centre)), QPoint(), QPoint(0, 360),
                         Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(map->view(), &zoom);
    });
    EXPECT_FALSE(parts(window).map()->cameraFitted());
    EXPECT_GT(pointsOutsideTheView(), 0u) << "the final layout threw away the user's zoom";
}

}  // namespace

namespace {

class LayoutGlideTest : public WindowFixture {};

// A new map of the same points glides there: for a moment the points are drawn between
// the two layouts, while everything that places things on the map (rings, the marker,
// picking) already uses the new one; then they rest exactly on it.
TEST_F(LayoutGlideTest, ANewMapOfTheSamePointsGlidesFromTheOldOneAndEndsExactlyOnIt) {
    openWindow(2, 2000);
    auto* map = parts(window).map();
    const latent::LatentBatch before = map->drawnLayout();
    latent::ProjectionParams axes = window->projectionParams();
    axes.method = latent::ProjectionMethod::LatentAxes;
    axes.axes = {3, 7};
    QSignalSpy shown(window.get(), &latent::ui::MainWindow::projectionShown);
    window->setProjection(axes);
    ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
    const latent::LatentBatch& target = parts(window).projection()->coords;
    ASSERT_EQ(target.count, before.count);

    QTest::qWait(100);  // a few frames into the glide
    const latent::LatentBatch midway = map->drawnLayout();
    EXPECT_NE(midway.values, before.values) << "the points did not start moving";
    EXPECT_NE(midway.values, target.values) << "the points jumped";
    const std::size_t item = 123;
    EXPECT_EQ(map->positionOf(item).x(), target.row(item)[0]);
    EXPECT_EQ(map->positionOf(item).y(), target.row(item)[1]);

    ASSERT_TRUE(QTest::qWaitFor([&] { return map->drawnLayout().values == target.values; }, 3000))
        << "the points never came to rest on the new map";
}

}  // namespace

namespace {

class MapAxesTest : public WindowFixture {
protected:
    void showAndWait(const latent::ProjectionParams& params) {
        QSignalSpy shown(window.get(), &latent::ui::MainWindow::projectionShown);
        window->setProjection(params);
        ASSERT_TRUE(shown.count() > 0 || shown.wait(30000));
        settle();
    }
    // Pixels of the axes' grey in the grabbed map's bottom strip, where the x axis goes.
    int axisPixelsAtTheBottom() const {
        const QImage frame = parts(window).map()->grabMap();
        int count = 0;
        for (int y = frame.height() - 40; y < frame.height(); ++y) {
            for (int x = 0; x < frame.width(); ++x) {
                const QColor c = frame.pixelColor(x, y);
                if (std::abs(c.red() - 70) < 25 && std::abs(c.green() - 70) < 25 && std::abs(c.blue() - 78) < 25) ++count;
            }
        }
        return count;
    }
};

TEST_F(MapAxesTest, LatentAxesMapsHaveTitledTickedAxesAndOtherMapsNone) {
    openWindow(2, 1000);
    EXPECT_TRUE(parts(window).map()->axisTitles().isEmpty());  // PCA: axes without a meaning
    const int withoutAxes = axisPixelsAtTheBottom();
    latent::ProjectionParams axes = window->projectionParams();
    axes.method = latent::ProjectionMethod::LatentAxes;
    axes.axes = {3, 7};
    showAndWait(axes);
    EXPECT_EQ(parts(window).map()->axisTitles(), (QStringList{"latent dim 3 (z3)", "latent dim 7 (z7)"}));
    EXPECT_GT(axisPixelsAtTheBottom(), withoutAxes + 200) << "no axis line, ticks or labels were drawn";

    axes.dims = 3;
    axes.axes = {3, 7, 0};
    showAndWait(axes);
    EXPECT_EQ(parts(window).map()->axisTitles().size(), 3);

    latent::ProjectionParams pca = window->projectionParams();
    pca.method = latent::ProjectionMethod::Pca;
    pca.dims = 2;
    showAndWait(pca);
    EXPECT_TRUE(parts(window).map()->axisTitles().isEmpty());
}

}  // namespace
