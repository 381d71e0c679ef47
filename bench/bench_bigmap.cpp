// Big maps: frame time of the real ScatterMap while the camera moves (level of detail), at
// rest (every point, drawn as those in sight) and right after a change at rest (a camera
// step, a selection, a recolour), pick latency for a mouse move, memory per point, and the same
// frames for a plain VTK point actor of the same points (the naive baseline), in one run.
// Needs a GL display: xvfb-run -a -s "-screen 0 1400x900x24" build/bench/bench_bigmap
// Optional arguments: the map sizes (default 10000 100000 1000000); --shots also saves a
// frame while moving and one at rest per size into the current directory, to look at.
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkCellArray.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QMouseEvent>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "latent/core/ScreenPickIndex.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace {

using latent::ui::ScatterMap;
using latent::ui::VtkOpenGLWidget;

constexpr int kWidth = 400, kHeight = 300;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0.0 : v[v.size() / 2];
}

double residentMegabytes() {
    std::ifstream statm("/proc/self/statm");
    double pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * 4096.0 / 1e6;
}

void settle(int ms) {
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QTest::qWait(5);
    }
}

// Ten Gaussian clusters of different sizes and spreads, like an embedding of ten classes.
struct Map {
    latent::LatentBatch coords;
    std::vector<std::uint8_t> labels;
};
Map clusteredMap(std::size_t n, std::size_t dims, unsigned seed) {
    Map map{latent::LatentBatch(n, dims), std::vector<std::uint8_t>(n)};
    std::mt19937 rng(seed);
    std::normal_distribution<float> normal;
    std::discrete_distribution<int> cluster({4, 1, 2, 3, 1, 5, 2, 1, 3, 2});
    for (std::size_t i = 0; i < n; ++i) {
        const int c = cluster(rng);
        map.labels[i] = static_cast<std::uint8_t>(c);
        const float spread = 0.2f + 0.07f * static_cast<float>(c);
        for (std::size_t a = 0; a < dims; ++a) {
            const float centre = 3.0f * std::sin(static_cast<float>(c * (a + 2)) * 1.3f);
            map.coords.row(i)[a] = centre + spread * normal(rng);
        }
    }
    return map;
}

// One frame as the user gets it: VTK renders into the widget and the pixels are read back
// (which waits for the software renderer to finish).
double frameMs(VtkOpenGLWidget* view) {
    QElapsedTimer t;
    t.start();
    view->requestRender();
    view->grabRendered();
    return static_cast<double>(t.nsecsElapsed()) / 1e6;
}

void sendMouse(QWidget* view, QEvent::Type type, QPoint at, Qt::MouseButton button, Qt::MouseButtons held) {
    QMouseEvent event(type, QPointF(at), QPointF(view->mapToGlobal(at)), button, held, Qt::NoModifier);
    QApplication::sendEvent(view, &event);
}

// Frames while the left button drags (orbit in 3-D, pan in 2-D) across the view; the last
// one goes to `lastFrame`.
std::vector<double> dragFrames(VtkOpenGLWidget* view, int frames, QImage& lastFrame) {
    QPoint at(kWidth / 2 - 60, kHeight / 2);
    sendMouse(view, QEvent::MouseButtonPress, at, Qt::LeftButton, Qt::LeftButton);
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) {
        at += QPoint(i % 2 == 0 ? 8 : 6, i % 3 == 0 ? 2 : -2);
        sendMouse(view, QEvent::MouseMove, at, Qt::NoButton, Qt::LeftButton);
        QElapsedTimer t;
        t.start();
        lastFrame = view->grabRendered();
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    sendMouse(view, QEvent::MouseButtonRelease, at, Qt::LeftButton, Qt::NoButton);
    return times;
}

// The naive baseline: one VTK actor of all points, as the map drew them before (per-point
// RGB, round points of 4 px, one vertex cell per point).
struct PlainActor {
    VtkOpenGLWidget view;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkPolyData> poly;
    vtkNew<vtkPolyDataMapper> mapper;
    vtkNew<vtkActor> actor;

    PlainActor(const Map& map, std::size_t dims) {
        const auto n = static_cast<vtkIdType>(map.coords.count);
        vtkNew<vtkPoints> points;
        points->SetDataTypeToFloat();
        points->SetNumberOfPoints(n);
        vtkNew<vtkUnsignedCharArray> rgb;
        rgb->SetNumberOfComponents(3);
        rgb->SetNumberOfTuples(n);
        vtkNew<vtkCellArray> cells;
        for (vtkIdType i = 0; i < n; ++i) {
            const auto row = map.coords.row(static_cast<std::size_t>(i));
            points->SetPoint(i, row[0], row[1], dims > 2 ? row[2] : 0.0f);
            const QColor c = latent::ui::classColor(map.labels[static_cast<std::size_t>(i)]);
            rgb->SetTypedTuple(i, std::array<unsigned char, 3>{static_cast<unsigned char>(c.red()),
                                                               static_cast<unsigned char>(c.green()),
                                                               static_cast<unsigned char>(c.blue())}
                                      .data());
            cells->InsertNextCell(1, &i);
        }
        poly->SetPoints(points);
        poly->SetVerts(cells);
        poly->GetPointData()->SetScalars(rgb);
        mapper->SetInputData(poly);
        mapper->SetColorModeToDirectScalars();
        actor->SetMapper(mapper);
        actor->GetProperty()->SetRenderPointsAsSpheres(true);
        actor->GetProperty()->SetPointSize(4.0f);
        renderer->AddActor(actor);
        renderer->SetBackground(0.985, 0.985, 0.99);
        view.renderWindow()->AddRenderer(renderer);
        view.resize(kWidth, kHeight);
        view.show();
        if (dims > 2) renderer->GetActiveCamera()->SetPosition(1.0, 0.8, 1.6);
        renderer->ResetCamera();
    }
    // Frames with the camera moving a little each time (rotation or pan).
    std::vector<double> frames(int count, bool orbit) {
        std::vector<double> times;
        for (int i = 0; i < count; ++i) {
            if (orbit) renderer->GetActiveCamera()->Azimuth(2.0);
            else renderer->GetActiveCamera()->Yaw(0.2);
            times.push_back(frameMs(&view));
        }
        return times;
    }
};

// Median pick for cursors near random points, through the map's index.
double pickMs(const ScatterMap& map, std::size_t n) {
    std::mt19937 rng(7);
    std::uniform_int_distribution<std::size_t> any(0, n - 1);
    std::vector<double> times;
    for (int i = 0; i < 201; ++i) {
        const QPoint at = map.viewPositionOf(any(rng)) + QPoint(i % 5 - 2, i % 3 - 1);
        QElapsedTimer t;
        t.start();
        map.pointAt(at);
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

// The same question answered by projecting every point (what pointAt did before).
double bruteForcePickMs(const latent::LatentBatch& coords) {
    const std::array<double, 16> view{0.3, 0, 0, 0, 0, 0.4, 0, 0, 0, 0, -0.1, 0, 0, 0, 0, 1};
    std::vector<double> times;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer t;
        t.start();
        latent::pickNearestOnScreen(coords, view, kWidth, kHeight, 150.0 + i, 140.0, 6.0);
        times.push_back(static_cast<double>(t.nsecsElapsed()) / 1e6);
    }
    return median(times);
}

void benchmarkSize(std::size_t n, std::size_t dims, bool shots) {
    const Map map = clusteredMap(n, dims, static_cast<unsigned>(n + dims));
    const int movingFrames = 15, restingFrames = n >= 1000000 ? 5 : 9;
    // Per-point colours, as the app gives the map (Colour by); they are the explorer
    // state's, so they are made before the map's memory is measured.
    std::vector<QColor> colours;
    colours.reserve(n);
    for (const std::uint8_t label : map.labels) colours.push_back(latent::ui::classColor(label));

    const double before = residentMegabytes();
    auto scatter = std::make_unique<ScatterMap>();
    scatter->resize(kWidth, kHeight);
    scatter->show();
    QElapsedTimer load;
    load.start();
    scatter->setPoints(map.coords, colours);
    scatter->grabMap();
    const double firstFrameMs = static_cast<double>(load.nsecsElapsed()) / 1e6;
    while (!scatter->pickIndexReady()) settle(10);
    const double indexReadyMs = static_cast<double>(load.nsecsElapsed()) / 1e6;
    settle(50);
    const double bytesPerPoint = (residentMegabytes() - before) * 1e6 / static_cast<double>(n);

    QImage movingFrame;
    const auto moving = dragFrames(scatter->view(), movingFrames, movingFrame);
    settle(400);  // the idle timer brings the full set back
    std::vector<double> resting;
    for (int i = 0; i < restingFrames; ++i) resting.push_back(frameMs(scatter->view()));
    // Changes at rest, each followed by one frame: the camera moved a step (the points in
    // sight are chosen again), a selection of every tenth point or none, and a recolour.
    std::vector<double> moved, selected, recoloured;
    std::vector<std::uint8_t> mask(n, 0);
    for (std::size_t i = 0; i < n; i += 10) mask[i] = 1;
    std::vector<QColor> rotated(colours.size());
    for (int i = 0; i < restingFrames; ++i) {
        scatter->renderer()->GetActiveCamera()->Zoom(i % 2 == 0 ? 1.02 : 1.0 / 1.02);
        moved.push_back(frameMs(scatter->view()));
        scatter->setSelection(i % 2 == 0 ? mask : std::vector<std::uint8_t>{});
        selected.push_back(frameMs(scatter->view()));
        for (std::size_t p = 0; p < n; ++p) rotated[p] = latent::ui::classColor(map.labels[p] + i + 1);
        scatter->setColours(rotated);
        recoloured.push_back(frameMs(scatter->view()));
    }
    const double pick = pickMs(*scatter, n);
    if (shots) {
        const QString name = QString("bigmap-%1-%2d-").arg(n).arg(dims);
        movingFrame.save(name + "moving.png");
        scatter->grabMap().save(name + "resting.png");
    }
    scatter.reset();
    settle(50);

    const double beforePlain = residentMegabytes();
    auto plain = std::make_unique<PlainActor>(map, dims);
    settle(50);
    plain->frames(1, dims > 2);  // first frame uploads the buffers
    const double plainBytes = (residentMegabytes() - beforePlain) * 1e6 / static_cast<double>(n);
    const auto plainFrames = plain->frames(restingFrames, dims > 2);
    plain.reset();

    std::printf("%8zu %dD %-6s | moving %8.1f ms  resting %8.1f ms (after a camera step %.1f, "
                "selection %.1f, recolour %.1f) | plain actor %8.1f ms | "
                "pick %.3f ms (brute force %.2f ms) | %5.1f B/pt (plain %5.1f) | first frame %.0f ms, "
                "index %.0f ms\n",
                n, static_cast<int>(dims), dims > 2 ? "orbit" : "pan", median(moving), median(resting),
                median(moved), median(selected), median(recoloured), median(plainFrames), pick,
                bruteForcePickMs(map.coords), bytesPerPoint, plainBytes, firstFrameMs, indexReadyMs);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    VtkOpenGLWidget::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    std::vector<std::size_t> sizes;
    bool shots = false;
    for (int i = 1; i < argc; ++i) {
        if (std::string(argv[i]) == "--shots") shots = true;
        else sizes.push_back(std::stoul(argv[i]));
    }
    if (sizes.empty()) sizes = {10000, 100000, 1000000};
    {
        // GL, Qt and VTK set themselves up on the first map: keep that out of the per-point memory.
        ScatterMap warmUp;
        warmUp.resize(kWidth, kHeight);
        warmUp.show();
        warmUp.setPoints(clusteredMap(1000, 3, 1).coords, std::vector<QColor>(1000, Qt::black));
        warmUp.grabMap();
        PlainActor plain(clusteredMap(1000, 3, 1), 3);
        plain.frames(1, true);
        settle(100);
    }
    std::printf("map %dx%d px, medians; moving = left-drag frames with level of detail, resting = "
                "all points (those in sight); plain actor = one VTK actor of all points, camera moving\n",
                kWidth, kHeight);
    for (const std::size_t dims : {std::size_t{2}, std::size_t{3}}) {
        for (const std::size_t n : sizes) benchmarkSize(n, dims, shots);
    }
    return 0;
}
