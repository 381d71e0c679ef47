// Time from a slider value change to the new image painted in the widget, measured on the
// real main window (run under Xvfb): a traversal slider of the current point is moved
// step after step; each step is timed from QSlider::setValue until the decoded image has
// been shown and the image panel has painted it. Once on an idle window and once while a
// t-SNE of the same latents runs in the background (its progressive layouts redraw the map).
//
//   xvfb-run -a -s "-screen 0 1400x900x24" build/bench/bench_slider_paint [steps] [limit]
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLabel>
#include <QSlider>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "GuiBenchSupport.h"
#include "latent/core/DimensionStats.h"
#include "latent/ui/DimensionSlider.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MainWindow.h"
#include "WindowTestAccess.h"
#include "latent/ui/TraversalPanel.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace {

using latent::ui::MainWindow;

using gui_bench::percentile;
using gui_bench::spin;

// Notes the first paint of any label of the image panel after it is armed.
class PaintWatch : public gui_bench::PaintWatch {
    bool accepts(QObject* watched) const override { return qobject_cast<QLabel*>(watched) != nullptr; }
};

struct Run {
    std::vector<double> ms;       // slider change -> new image painted
    std::vector<double> shownMs;  // slider change -> decoded image handed to the panel
    int timeouts = 0;
};

Run timeSlider(MainWindow& window, PaintWatch& watch, int steps) {
    const auto stats = latent::summariseDimensions(parts(window).workspace()->latents);
    auto* slider = parts(window).traversal()->sliderFor(latent::rankDimensions(stats).front())->slider();
    bool shown = false;
    double shownAt = 0.0;
    QElapsedTimer timer;
    // Armed at once: the panel's repaint may run in the same event-loop pass as the hand-over.
    const auto connection = QObject::connect(&window, &MainWindow::decodedShown, [&] {
        shown = true;
        watch.armed = true;
        shownAt = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    });
    Run run;
    for (int s = 0; s < steps; ++s) {
        // Sweep back and forth over the range, never repeating the value just set.
        const int value = 100 + (s * 37) % 800;
        shown = false;
        watch.painted = false;
        watch.armed = false;
        timer.start();
        slider->setValue(value == slider->value() ? value + 1 : value);
        const bool ok = spin([&] { return shown && watch.painted; }, 2000);
        if (ok) {
            run.ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
            run.shownMs.push_back(shownAt);
        } else {
            ++run.timeouts;
        }
    }
    QObject::disconnect(connection);
    return run;
}

void report(const char* what, const Run& run) {
    if (run.ms.empty()) {
        std::printf("%-34s no step completed (%d timeouts)\n", what, run.timeouts);
        return;
    }
    std::printf("%-34s steps %zu  p50 %6.2f ms  p95 %6.2f ms  max %6.2f ms  timeouts %d"
                "  (decoded image handed over: p50 %.2f ms, p95 %.2f ms)\n",
                what, run.ms.size(), percentile(run.ms, 0.5), percentile(run.ms, 0.95), percentile(run.ms, 1.0),
                run.timeouts, percentile(run.shownMs, 0.5), percentile(run.shownMs, 0.95));
}

}  // namespace

int main(int argc, char** argv) {
    latent::ui::VtkOpenGLWidget::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);  // lines show as they are measured
    const int steps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 500;
    const std::size_t limit = argc > 2 ? static_cast<std::size_t>(std::atol(argv[2])) : 0;

    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", limit}, 256};
    MainWindow window(request, 2);
    window.resize(1280, 800);
    window.show();
    bool ready = false;
    QObject::connect(&window, &MainWindow::workspaceReady, [&] { ready = true; });
    window.startLoading();
    if (!spin([&] { return ready; }, 300000)) {
        std::fprintf(stderr, "the workspace did not load\n");
        return 1;
    }
    spin([] { return false; }, 500);  // let the first map render
    PaintWatch watch;
    for (auto* label : parts(window).imagePanel()->findChildren<QLabel*>()) label->installEventFilter(&watch);
    bool decoded = false;
    QObject::connect(&window, &MainWindow::decodedShown, [&] { decoded = true; });
    window.selectItem(0);
    spin([&] { return decoded; }, 10000);

    std::printf("bench_slider_paint: %s, %zu latents, %d steps per run\n",
                parts(window).workspace()->model->info().name.c_str(), parts(window).workspace()->latents.count, steps);
    report("idle window", timeSlider(window, watch, steps));

    bool projected = false;
    QObject::connect(&window, &MainWindow::projectionShown, [&] { projected = true; });
    latent::ProjectionParams tsne;
    tsne.method = latent::ProjectionMethod::Tsne;
    window.setProjection(tsne);
    spin([] { return false; }, 1000);  // past t-SNE's neighbour search, into its iterations
    const Run busy = timeSlider(window, watch, steps);
    report("while t-SNE runs in the background", busy);
    if (projected) std::printf("note: t-SNE finished before the run ended; rerun with a larger limit\n");
    return 0;
}
