#include "latent/ui/LayoutPreviewPacer.h"

#include <QTimer>
#include <algorithm>
#include <cmath>

#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {

LayoutPreviewPacer::LayoutPreviewPacer(const VtkOpenGLWidget* view, QObject* parent)
    : QObject(parent), view_(view), timer_(new QTimer(this)) {
    timer_->setSingleShot(true);
    timer_->setTimerType(
        Qt::PreciseTimer);  // "never sooner than": coarse timers fire up to 5% early
    connect(timer_, &QTimer::timeout, this, &LayoutPreviewPacer::release);
}

int LayoutPreviewPacer::intervalMs() const {
    const double frame = view_ ? view_->lastFrameMs() : 0.0;
    return std::max(kMinIntervalMs, static_cast<int>(std::ceil(kFramesPerPreview * frame)));
}

void LayoutPreviewPacer::offer(const latent::LatentBatch& layout) {
    waiting_ = layout;
    if (timer_->isActive()) return;
    const qint64 wait = sinceLast_.isValid() ? intervalMs() - sinceLast_.elapsed() : 0;
    if (wait <= 0) {
        release();
    } else {
        timer_->start(static_cast<int>(wait));
    }
}

void LayoutPreviewPacer::stop() {
    timer_->stop();
    waiting_.reset();
    sinceLast_.invalidate();
}

void LayoutPreviewPacer::release() {
    if (!waiting_) return;
    const latent::LatentBatch layout = std::move(*waiting_);
    waiting_.reset();
    sinceLast_.start();
    Q_EMIT due(layout);
}

}  // namespace latent::ui
