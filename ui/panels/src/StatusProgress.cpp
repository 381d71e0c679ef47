#include "latent/ui/StatusProgress.h"

#include <QStyleOptionProgressBar>
#include <QStylePainter>
#include <algorithm>
#include <cmath>

namespace latent::ui {
namespace {

constexpr int kSteps = 1000;

}  // namespace

StatusProgress::StatusProgress(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void StatusProgress::setFraction(double fraction) {
    fraction = std::isfinite(fraction) ? std::clamp(fraction, 0.0, 1.0) : 0.0;
    if (fraction == fraction_) return;
    fraction_ = fraction;
    update();
}

QSize StatusProgress::sizeHint() const { return {160, fontMetrics().height() + 4}; }

QSize StatusProgress::minimumSizeHint() const { return {60, fontMetrics().height() + 4}; }

void StatusProgress::paintEvent(QPaintEvent*) {
    QStylePainter painter(this);
    QStyleOptionProgressBar option;
    option.initFrom(this);
    option.minimum = 0;
    option.maximum = kSteps;
    option.progress = static_cast<int>(std::lround(fraction_ * kSteps));
    option.textVisible = false;
    option.state |= QStyle::State_Horizontal;
    painter.drawControl(QStyle::CE_ProgressBar, option);
}

}  // namespace latent::ui
