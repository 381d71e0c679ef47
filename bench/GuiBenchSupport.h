#pragma once

// What the benchmarks that drive the real main window share: waiting on the event loop,
// noticing a paint, percentiles.

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QObject>
#include <algorithm>
#include <vector>

namespace gui_bench {

// Notes the first paint of the widgets it filters once it is armed; `accepts` chooses which
// (none: every watched widget).
class PaintWatch : public QObject {
public:
    bool armed = false;
    bool painted = false;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (armed && event->type() == QEvent::Paint && accepts(watched)) painted = true;
        return false;
    }
    virtual bool accepts(QObject*) const { return true; }
};

// Processes events until `done` or `timeoutMs`; false on timeout.
template <typename Done>
bool spin(Done done, int timeoutMs) {
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs) return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
    }
    return true;
}

inline double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    const auto i = static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

}  // namespace gui_bench
