#include "LayoutTransition.h"

#include <QEasingCurve>

#include "latent/ui/ScatterMap.h"

namespace latent::ui {

LayoutTransition::LayoutTransition(ScatterMap* map, QObject* parent) : QObject(parent), map_(map) {
    animation_.setStartValue(0.0);
    animation_.setEndValue(1.0);
    animation_.setDuration(kDurationMs);
    animation_.setEasingCurve(QEasingCurve::OutCubic);
    connect(&animation_, &QVariantAnimation::valueChanged, this, [this](const QVariant& t) { drawAt(t.toDouble()); });
    connect(&animation_, &QVariantAnimation::finished, this, [this] { drawAt(1.0); });
}

void LayoutTransition::start(latent::LatentBatch from, latent::LatentBatch target) {
    animation_.stop();
    const bool sameShape = from.count == target.count && from.dim == target.dim;
    if (!sameShape || target.count == 0 || target.count > kMaxPoints) return;
    from_ = std::move(from);
    target_ = std::move(target);
    frame_ = target_;
    drawAt(0.0);
    animation_.start();
}

void LayoutTransition::cancel() { animation_.stop(); }

void LayoutTransition::drawAt(double t) {
    if (t >= 1.0) {
        map_->drawInBetween(target_);  // exactly the layout, not a rounding of it
        return;
    }
    latent::blendInto(from_, target_, static_cast<float>(t), frame_);
    map_->drawInBetween(frame_);
}

}  // namespace latent::ui
