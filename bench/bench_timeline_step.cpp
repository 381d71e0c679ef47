// Time from a step of the checkpoint timeline (File > Open Checkpoints) to the step on show,
// measured on the real main window (run under Xvfb) with the full 10,000-image test split:
// the Compare dock's slider is moved checkpoint to checkpoint, the current item selected;
// each step is timed from QSlider::setValue until the second map has painted its first frame
// of the glide to the new layout and the Compare dock has painted that checkpoint's
// reconstruction. The glide itself then takes its half second, by design.
//
//   xvfb-run -a -s "-screen 0 1400x900x24" build/bench/bench_timeline_step [steps] [checkpoint folder]
#include <QApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QLabel>
#include <QSlider>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "GuiBenchSupport.h"
#include "WindowTestAccess.h"
#include "latent/ui/ComparisonController.h"
#include "latent/ui/ComparisonPanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace {

using latent::ui::MainWindow;

using gui_bench::PaintWatch;
using gui_bench::percentile;
using gui_bench::spin;

}  // namespace

int main(int argc, char** argv) {
    latent::ui::VtkOpenGLWidget::setDefaultSurfaceFormat();
    QApplication app(argc, argv);
    std::setvbuf(stdout, nullptr, _IOLBF, 0);
    const int steps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 60;
    const QString folder = argc > 2 ? QString(argv[2]) : QString(LATENT_CHECKPOINTS);

    latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 0}, 256};
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
    auto& comparison = *window.comparison();
    bool opened = false;
    QObject::connect(&comparison, &latent::ui::ComparisonController::shown, [&] { opened = true; });
    QObject::connect(&comparison, &latent::ui::ComparisonController::failed, [](const QString& message) {
        std::fprintf(stderr, "%s\n", message.toStdString().c_str());
        std::exit(1);
    });
    window.compareWith(folder);
    if (!spin([&] { return opened; }, 600000)) {
        std::fprintf(stderr, "the checkpoints did not open\n");
        return 1;
    }
    window.selectItem(12);
    spin([] { return false; }, 1000);  // the first frames and decodes

    auto* panel = window.findChild<latent::ui::ComparisonPanel*>();
    auto* slider = panel->findChild<QSlider*>();
    latent::ui::ScatterMap* second = nullptr;
    for (auto* map : window.findChildren<latent::ui::ScatterMap*>()) {
        if (map != parts(window).map()) second = map;
    }
    PaintWatch mapPainted, picturePainted;
    second->view()->installEventFilter(&mapPainted);
    for (auto* label : panel->findChildren<QLabel*>()) label->installEventFilter(&picturePainted);
    bool decoded = false;
    QObject::connect(comparison.otherInference(), &latent::ui::Inference::decoded, [&] {
        decoded = true;
        picturePainted.armed = true;  // its label repaints after the hand-over
    });

    const int count = static_cast<int>(comparison.members().size());
    std::vector<double> ms;
    int timeouts = 0;
    QElapsedTimer timer;
    for (int s = 0; s < steps; ++s) {
        // Back and forth over the run: 0 1 2 1 0 1 ...
        const int period = 2 * (count - 1);
        const int phase = (s + 1) % period;
        const int step = phase < count ? phase : period - phase;
        decoded = false;
        mapPainted.painted = false;
        mapPainted.armed = true;
        picturePainted.painted = false;
        picturePainted.armed = false;
        timer.start();
        slider->setValue(step);
        if (spin([&] { return mapPainted.painted && decoded && picturePainted.painted; }, 3000)) {
            ms.push_back(static_cast<double>(timer.nsecsElapsed()) / 1e6);
        } else {
            ++timeouts;
        }
        spin([] { return false; }, 600);  // let the glide finish, as a user watching would
    }
    std::printf("bench_timeline_step: %zu items, %d checkpoints, %d steps: step -> first glide frame and the "
                "checkpoint's reconstruction painted: p50 %.2f ms, p95 %.2f ms, max %.2f ms, timeouts %d\n",
                parts(window).workspace()->latents.count, count, steps, percentile(ms, 0.5), percentile(ms, 0.95),
                percentile(ms, 1.0), timeouts);
    return 0;
}
