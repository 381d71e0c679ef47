// Smoke test of the Qt6 <-> VTK bridge: VTK must actually draw into the
// widget (not black, not empty) and mouse input must reach both VTK and
// our click detection. Needs a GL display: run under xvfb-run.

#include <gtest/gtest.h>
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderWindowInteractor.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <QApplication>
#include <QDir>
#include <QImage>
#include <QSignalSpy>
#include <QTest>
#include <array>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>

#include "latent/ui/VtkOpenGLWidget.h"

namespace {

using latent::ui::VtkOpenGLWidget;

struct Rgb {
    int r, g, b;
};

constexpr Rgb kBackground{20, 24, 32};
constexpr std::array<Rgb, 3> kPointColors{{{230, 40, 40}, {40, 200, 60}, {50, 90, 240}}};
constexpr int kGridX = 20;
constexpr int kGridY = 15;  // 300 points
constexpr int kWaitMs = 10000;

bool near(QRgb px, Rgb c, int tol) {
    return std::abs(qRed(px) - c.r) <= tol && std::abs(qGreen(px) - c.g) <= tol &&
           std::abs(qBlue(px) - c.b) <= tol;
}

// A grid of vertices coloured in three colours, cycling per point.
vtkSmartPointer<vtkActor> makePointCloud() {
    vtkNew<vtkPoints> points;
    vtkNew<vtkCellArray> verts;
    vtkNew<vtkUnsignedCharArray> colors;
    colors->SetNumberOfComponents(3);
    colors->SetName("colors");
    for (int j = 0; j < kGridY; ++j) {
        for (int i = 0; i < kGridX; ++i) {
            const vtkIdType id =
                points->InsertNextPoint(i / static_cast<double>(kGridX - 1) * 2.0 - 1.0,
                                        j / static_cast<double>(kGridY - 1) * 1.5 - 0.75, 0.0);
            verts->InsertNextCell(1, &id);
            const Rgb& c = kPointColors[static_cast<size_t>(id % 3)];
            colors->InsertNextTuple3(c.r, c.g, c.b);
        }
    }
    vtkNew<vtkPolyData> poly;
    poly->SetPoints(points);
    poly->SetVerts(verts);
    poly->GetPointData()->SetScalars(colors);

    vtkNew<vtkPolyDataMapper> mapper;
    mapper->SetInputData(poly);
    mapper->SetColorModeToDirectScalars();  // unsigned char RGB used as-is
    auto actor = vtkSmartPointer<vtkActor>::New();
    actor->SetMapper(mapper);
    actor->GetProperty()->SetPointSize(6.0f);
    actor->GetProperty()->SetLighting(false);  // exact colours, independent of lights
    return actor;
}

class VtkWidgetSmokeTest : public ::testing::Test {
protected:
    void SetUp() override {
        widget_ = std::make_unique<VtkOpenGLWidget>();
        widget_->resize(400, 300);
        renderer_->SetBackground(kBackground.r / 255.0, kBackground.g / 255.0,
                                 kBackground.b / 255.0);
        renderer_->AddActor(makePointCloud());
        renderer_->ResetCamera();
        widget_->renderWindow()->AddRenderer(renderer_);

        int frames = 0;
        QObject::connect(widget_.get(), &VtkOpenGLWidget::framePainted, [&frames] { ++frames; });
        widget_->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(widget_.get()));
        ASSERT_TRUE(QTest::qWaitFor([&frames] { return frames > 0; }, kWaitMs))
            << "the widget never painted";
        QObject::disconnect(widget_.get(), &VtkOpenGLWidget::framePainted, nullptr, nullptr);
    }

    void TearDown() override {
        if (HasFailure() && !image_.isNull()) {
            const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
            const QString path = QDir::current().absoluteFilePath(
                QStringLiteral("VtkWidgetSmokeTest_%1.png").arg(QString::fromUtf8(info->name())));
            if (image_.save(path)) {
                ADD_FAILURE() << "grabbed frame written to " << path.toStdString();
            }
        }
        widget_.reset();
    }

    std::unique_ptr<VtkOpenGLWidget> widget_;
    vtkNew<vtkRenderer> renderer_;
    QImage image_;
};

TEST_F(VtkWidgetSmokeTest, RendersBackgroundAndColouredPoints) {
    image_ = widget_->grabRendered().convertToFormat(QImage::Format_RGB32);
    ASSERT_FALSE(image_.isNull());
    const qreal dpr = widget_->devicePixelRatioF();
    EXPECT_EQ(image_.width(), qRound(400 * dpr));
    EXPECT_EQ(image_.height(), qRound(300 * dpr));

    const QRgb first = image_.pixel(0, 0);
    bool uniform = true;
    long background = 0;
    std::array<long, 3> points{};
    for (int y = 0; y < image_.height(); ++y) {
        for (int x = 0; x < image_.width(); ++x) {
            const QRgb px = image_.pixel(x, y);
            uniform = uniform && px == first;
            background += near(px, kBackground, 6) ? 1 : 0;
            for (size_t c = 0; c < kPointColors.size(); ++c) {
                points[c] += near(px, kPointColors[c], 30) ? 1 : 0;
            }
        }
    }
    const long total = static_cast<long>(image_.width()) * image_.height();
    RecordProperty("background_pixels", std::to_string(background));
    for (size_t c = 0; c < kPointColors.size(); ++c) {
        RecordProperty("colour" + std::to_string(c) + "_pixels", std::to_string(points[c]));
    }
    EXPECT_FALSE(uniform) << "the frame is a single colour";
    EXPECT_GT(background, total * 7 / 10) << "background pixels: " << background << "/" << total;
    // 100 points per colour at ~6x6 px each; allow for clipping and edge blending.
    for (size_t c = 0; c < kPointColors.size(); ++c) {
        EXPECT_GT(points[c], 1000) << "pixels near point colour " << c << ": " << points[c];
    }
}

// Catches a vertically flipped blit: the grid's top-left and bottom-left points
// must land where VTK's own world-to-display transform puts them.
TEST_F(VtkWidgetSmokeTest, PointsAppearWhereVtkProjectsThem) {
    image_ = widget_->grabRendered().convertToFormat(QImage::Format_RGB32);
    const struct {
        int i, j;
        bool top;
    } corners[] = {{0, kGridY - 1, true}, {0, 0, false}};
    for (const auto& c : corners) {
        const double wx = -1.0;
        const double wy = c.j / static_cast<double>(kGridY - 1) * 1.5 - 0.75;
        renderer_->SetWorldPoint(wx, wy, 0.0, 1.0);
        renderer_->WorldToDisplay();
        const double* d = renderer_->GetDisplayPoint();  // device px, Y up
        const int x = static_cast<int>(std::lround(d[0]));
        const int y = image_.height() - 1 - static_cast<int>(std::lround(d[1]));
        ASSERT_TRUE(image_.rect().contains(x, y)) << x << "," << y;
        EXPECT_EQ(y < image_.height() / 2, c.top) << "point drawn at y=" << y;
        const Rgb& colour = kPointColors[static_cast<size_t>((c.j * kGridX + c.i) % 3)];
        EXPECT_TRUE(near(image_.pixel(x, y), colour, 30))
            << "pixel at " << x << "," << y << " is " << std::hex << image_.pixel(x, y);
    }
}

TEST_F(VtkWidgetSmokeTest, ClickEmitsPositionInLogicalPixels) {
    QSignalSpy spy(widget_.get(), &VtkOpenGLWidget::clicked);
    QTest::mouseClick(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(123, 77));
    ASSERT_EQ(spy.count(), 1);
    EXPECT_EQ(spy.at(0).at(0).toPoint(), QPoint(123, 77));

    // VTK got the same click in device pixels with Y up.
    const qreal dpr = widget_->devicePixelRatioF();
    const int* pos = widget_->interactor()->GetEventPosition();
    EXPECT_EQ(pos[0], qRound(123 * dpr));
    EXPECT_EQ(pos[1], qRound(300 * dpr) - 1 - qRound(77 * dpr));
}

TEST_F(VtkWidgetSmokeTest, DragDoesNotEmitClick) {
    QSignalSpy spy(widget_.get(), &VtkOpenGLWidget::clicked);
    QTest::mousePress(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(100, 100));
    QTest::mouseMove(widget_.get(), QPoint(120, 100));
    QTest::mouseRelease(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(120, 100));
    EXPECT_EQ(spy.count(), 0);

    // Leaving the slop circle makes it a drag even if the release comes back.
    QTest::mousePress(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(200, 150));
    QTest::mouseMove(widget_.get(), QPoint(220, 150));
    QTest::mouseMove(widget_.get(), QPoint(201, 150));
    QTest::mouseRelease(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(201, 150));
    EXPECT_EQ(spy.count(), 0);
}

TEST_F(VtkWidgetSmokeTest, DragRotatesAndWheelZoomsTheCamera) {
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    widget_->interactor()->SetInteractorStyle(style);
    vtkCamera* camera = renderer_->GetActiveCamera();
    std::array<double, 3> before{};
    camera->GetPosition(before.data());

    QTest::mousePress(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(200, 150));
    QTest::mouseMove(widget_.get(), QPoint(240, 150));
    QTest::mouseRelease(widget_.get(), Qt::LeftButton, Qt::NoModifier, QPoint(240, 150));
    std::array<double, 3> after{};
    camera->GetPosition(after.data());
    EXPECT_NE(before, after) << "a drag did not move the camera";

    const double distance = camera->GetDistance();
    QWheelEvent wheel(QPointF(200, 150), widget_->mapToGlobal(QPointF(200, 150)), QPoint(),
                      QPoint(0, 120), Qt::NoButton, Qt::NoModifier, Qt::NoScrollPhase, false);
    QApplication::sendEvent(widget_.get(), &wheel);
    EXPECT_LT(camera->GetDistance(), distance) << "wheel forward did not zoom in";
}

}  // namespace
