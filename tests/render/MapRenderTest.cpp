#include <gtest/gtest.h>

#include "ImageChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/ClassPalette.h"

namespace {

class MapRenderTest : public WindowFixture {};

void expectClassColoursVisible(const QImage& frame, const QString& name) {
    ASSERT_FALSE(frame.isNull());
    const QColor background = QColor::fromRgbF(0.985f, 0.985f, 0.99f);
    const int total = frame.width() * frame.height();
    const int backgroundPixels = test_images::countNear(frame, background, 6);
    int classesSeen = 0;
    QString counts;
    for (int label = 0; label < 10; ++label) {
        const int n = test_images::countNear(frame, latent::ui::classColor(label), 40);
        counts += QString(" %1:%2").arg(label).arg(n);
        classesSeen += n >= 30 ? 1 : 0;
    }
    const bool ok = backgroundPixels > total / 4 && backgroundPixels < total && classesSeen >= 9;
    if (!ok) {
        const QString saved = test_images::saveForInspection(frame, name);
        ADD_FAILURE() << "map frame looks wrong (saved to " << saved.toStdString()
                      << "): background " << backgroundPixels << " of " << total
                      << " pixels, class colour pixels" << counts.toStdString();
    }
}

TEST_F(MapRenderTest, TwoDimensionalMapShowsEveryClassColourOnTheBackground) {
    openWindow(2);
    expectClassColoursVisible(parts(window).map()->grabMap(), "map-2d-failure");
}

TEST_F(MapRenderTest, ThreeDimensionalMapShowsEveryClassColour) {
    openWindow(3);
    expectClassColoursVisible(parts(window).map()->grabMap(), "map-3d-failure");
}

TEST_F(MapRenderTest, SelectionMarkerIsDrawnOnTop) {
    openWindow(2);
    const auto coords = parts(window).workspace()->coords2.row(0);
    parts(window).map()->setMarker(QVector3D(coords[0], coords[1], 0.0f), true);
    settle();
    // Read where the point is once the window has settled: a late layout change refits the map.
    const QPoint where = parts(window).map()->viewPositionOf(0);
    const QImage frame = parts(window).map()->grabMap();
    const double dpr = frame.devicePixelRatio();
    const QRgb centre = frame.pixel(static_cast<int>(where.x() * dpr), static_cast<int>(where.y() * dpr));
    if (!test_images::near(centre, QColor(255, 200, 0), 60)) {
        const QString saved = test_images::saveForInspection(frame, "marker-failure");
        ADD_FAILURE() << "marker not drawn at the point (saved " << saved.toStdString() << ")";
    }
}

}  // namespace
