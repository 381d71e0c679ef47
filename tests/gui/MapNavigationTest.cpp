// How the map moves under the mouse, in the real window.
#include <gtest/gtest.h>

#include <QApplication>
#include <QTest>
#include <QWheelEvent>

#include "WindowFixture.h"
#include "WindowTestAccess.h"
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
