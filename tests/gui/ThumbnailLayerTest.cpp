#include <gtest/gtest.h>

#include <vtkCamera.h>
#include <vtkRenderer.h>

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <filesystem>

#include "ImageChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/SelectionController.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/ThumbnailLayer.h"

namespace {

// Fashion-MNIST images are mostly black: pixels neither background nor class colours.
int darkPixels(const QImage& frame) { return test_images::countNear(frame, QColor(0, 0, 0), 40); }

class ThumbnailLayerTest : public WindowFixture {
protected:
    latent::ui::ThumbnailLayer& layer() { return *parts(window).selection()->thumbnails(); }

    // Zooms the camera onto point `index`, `factor` times closer.
    void zoomOnto(std::size_t index, double factor) {
        vtkCamera* camera = parts(window).map()->renderer()->GetActiveCamera();
        const QVector3D p = parts(window).map()->positionOf(index);
        double eye[3], focal[3];
        camera->GetPosition(eye);
        camera->GetFocalPoint(focal);
        camera->SetFocalPoint(p.x(), p.y(), p.z());
        camera->SetPosition(p.x() + eye[0] - focal[0], p.y() + eye[1] - focal[1], p.z() + eye[2] - focal[2]);
        camera->Zoom(factor);
        parts(window).map()->renderer()->ResetCameraClippingRange();
        parts(window).map()->view()->requestRender();
    }

    // The least zoom onto point `index` that shows a few glyphs.
    void zoomUntilAFewGlyphs(std::size_t index) {
        for (double zoom : {4.0, 6.0, 9.0, 13.0, 20.0}) {
            parts(window).map()->resetCamera();
            zoomOnto(index, zoom);
            QTest::qWait(400);
            if (layer().glyphCount() >= 4) return;
        }
    }
};

TEST_F(ThumbnailLayerTest, ImagesAppearWhenZoomedInAndGoWhenZoomedOut) {
    for (int dims : {2, 3}) {
        openWindow(dims, 1000);
        EXPECT_EQ(layer().glyphCount(), 0u) << dims << "-D: 1000 points are too crowded for images";
        EXPECT_LT(darkPixels(parts(window).map()->grabMap()), 100) << dims << "-D";

        zoomOnto(500, 12.0);
        ASSERT_TRUE(QTest::qWaitFor([&] { return layer().glyphCount() > 0; }, 5000)) << dims << "-D: no glyphs";
        EXPECT_LE(layer().glyphCount(), latent::ui::ThumbnailLayer::kMaxGlyphs);
        EXPECT_GE(layer().glyphSide(), latent::ui::ThumbnailLayer::kMinSpacing * 0.8);
        settle();
        const QImage zoomed = parts(window).map()->grabMap();
        if (darkPixels(zoomed) < 2000) {
            ADD_FAILURE() << dims << "-D: no images on the zoomed map (saved "
                          << test_images::saveForInspection(zoomed, "thumbnails-missing").toStdString() << ")";
        }

        parts(window).map()->resetCamera();
        EXPECT_TRUE(QTest::qWaitFor([&] { return layer().glyphCount() == 0; }, 5000))
            << dims << "-D: " << layer().glyphCount() << " glyphs left";
        settle();
        EXPECT_LT(darkPixels(parts(window).map()->grabMap()), 100) << dims << "-D";
    }
}

TEST_F(ThumbnailLayerTest, PriorSamplesAreDecodedForTheirGlyphs) {
    openWindow(2, 200);
    QSignalSpy ready(window.get(), &latent::ui::MainWindow::workspaceReady);
    QSignalSpy shown(window.get(), &latent::ui::MainWindow::projectionShown);
    window->openModel(QString::fromStdString((std::filesystem::path(LATENT_MODEL_FIXTURES) / "gan_rgb64.pt").string()));
    ASSERT_TRUE(ready.wait(60000));
    if (shown.isEmpty()) {
        ASSERT_TRUE(shown.wait(60000));
    }
    ASSERT_TRUE(parts(window).workspace()->sampledFromPrior);
    settle();
    zoomOnto(3, 40.0);
    EXPECT_TRUE(QTest::qWaitFor([&] { return layer().glyphCount() > 0; }, 10000));
}

TEST_F(ThumbnailLayerTest, GlyphFramesTurnGreyOutsideTheSelection) {
    openWindow(2, 1000);
    zoomUntilAFewGlyphs(20);
    ASSERT_GE(layer().glyphCount(), 4u);
    settle();
    const QColor grey = latent::ui::deselectedColor();
    const int before = test_images::countNear(parts(window).map()->grabMap(), grey, 4);
    window->state()->selection()->replace({20});
    QTest::qWait(400);  // the glyphs are textured again once the timer fires
    settle();
    const int after = test_images::countNear(parts(window).map()->grabMap(), grey, 4);
    EXPECT_GT(after, before + 20 * static_cast<int>(layer().glyphCount() - 1)) << before << " -> " << after;
}

TEST_F(ThumbnailLayerTest, GlyphFramesTakeTheColourByColours) {
    openWindow(2, 1000);
    QTemporaryDir dir;
    QFile csv(dir.filePath("scores.csv"));
    ASSERT_TRUE(csv.open(QIODevice::WriteOnly));
    csv.write("score\n");
    for (int i = 0; i < 1000; ++i) csv.write(QByteArray::number(i) + "\n");
    csv.close();
    QSignalSpy shown(window.get(), &latent::ui::MainWindow::projectionShown);
    window->openMetadata(csv.fileName());
    ASSERT_TRUE(shown.wait(60000));
    settle();
    parts(window).colourBy()->setColumn("score");
    ASSERT_TRUE(parts(window).colourBy()->isContinuous());
    zoomUntilAFewGlyphs(20);
    ASSERT_GE(layer().glyphCount(), 4u);
    settle();
    // Glyph 20's frame is in its point's colour on the continuous ramp, not its class colour.
    const QColor frame = parts(window).colourBy()->colours()[20];
    const int byScore = test_images::countNear(parts(window).map()->grabMap(), frame, 4);
    parts(window).colourBy()->setColumn("label");
    QTest::qWait(400);  // the glyphs are textured again once the timer fires
    settle();
    const int byLabel = test_images::countNear(parts(window).map()->grabMap(), frame, 4);
    EXPECT_GT(byScore, byLabel + 100) << byScore << " -> " << byLabel;
}

TEST_F(ThumbnailLayerTest, TurningTheLayerOffRemovesTheImages) {
    openWindow(2, 1000);
    zoomOnto(10, 12.0);
    ASSERT_TRUE(QTest::qWaitFor([&] { return layer().glyphCount() > 0; }, 5000));
    layer().setEnabled(false);
    EXPECT_EQ(layer().glyphCount(), 0u);
    settle();
    EXPECT_LT(darkPixels(parts(window).map()->grabMap()), 100);
}

}  // namespace
