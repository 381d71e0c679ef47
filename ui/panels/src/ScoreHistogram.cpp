#include "latent/ui/ScoreHistogram.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <algorithm>
#include <cmath>

namespace latent::ui {
namespace {

const QColor kBelow(150, 160, 175);
const QColor kAbove(215, 80, 60);
const QColor kHandle(40, 40, 48);

}  // namespace

ScoreHistogram::ScoreHistogram(QWidget* parent) : QWidget(parent), bins_(kBins, 0) {
    setFocusPolicy(Qt::StrongFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    setToolTip(tr("Drag to set the threshold: items at or above it are listed as outliers"));
}

void ScoreHistogram::setValues(const std::vector<double>& values) {
    bins_.assign(kBins, 0);
    double low = INFINITY, high = -INFINITY;
    for (const double v : values) {
        if (!std::isfinite(v)) continue;
        low = std::min(low, v);
        high = std::max(high, v);
    }
    if (!(high >= low)) {  // no finite values
        low = 0.0;
        high = 1.0;
    } else if (high == low) {
        high = low + 1.0;  // one value: a range to draw it in
    }
    low_ = low;
    high_ = high;
    for (const double v : values) {
        if (!std::isfinite(v)) continue;
        const int bin = std::min(kBins - 1, static_cast<int>((v - low_) / (high_ - low_) * kBins));
        ++bins_[static_cast<std::size_t>(std::max(bin, 0))];
    }
    threshold_ = std::clamp(threshold_, low_, high_);
    update();
}

void ScoreHistogram::setThreshold(double threshold) {
    threshold = std::clamp(threshold, low_, high_);
    if (threshold == threshold_) return;
    threshold_ = threshold;
    update();
    Q_EMIT thresholdChanged(threshold_);
}

QRectF ScoreHistogram::plotArea() const { return QRectF(rect()).adjusted(4, 4, -4, -4); }

double ScoreHistogram::valueAtX(double x) const {
    const QRectF area = plotArea();
    const double t = std::clamp((x - area.left()) / std::max(area.width(), 1.0), 0.0, 1.0);
    return low_ + t * (high_ - low_);
}

double ScoreHistogram::xOfValue(double value) const {
    const QRectF area = plotArea();
    return area.left() + (value - low_) / (high_ - low_) * area.width();
}

// Bar heights on a square-root scale: the few items in the tail stay visible beside the
// thousands in the bulk.
void ScoreHistogram::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    const QRectF area = plotArea();
    painter.fillRect(rect(), palette().base());
    const int most = *std::max_element(bins_.begin(), bins_.end());
    const double barWidth = area.width() / kBins;
    for (int b = 0; b < kBins; ++b) {
        const int count = bins_[static_cast<std::size_t>(b)];
        if (count == 0 || most == 0) continue;
        const double h = std::sqrt(static_cast<double>(count) / most) * area.height();
        const double x = area.left() + b * barWidth;
        const double binHigh = low_ + (b + 1) * (high_ - low_) / kBins;
        painter.fillRect(QRectF(x, area.bottom() - h, std::max(barWidth - 1.0, 1.0), h),
                         binHigh > threshold_ ? kAbove : kBelow);
    }
    const double hx = xOfValue(threshold_);
    painter.setPen(QPen(kHandle, 2));
    painter.drawLine(QPointF(hx, area.top()), QPointF(hx, area.bottom()));
    painter.setBrush(kHandle);
    painter.drawPolygon(QPolygonF({QPointF(hx - 5, area.top()), QPointF(hx + 5, area.top()), QPointF(hx, area.top() + 7)}));
    if (hasFocus()) {
        painter.setPen(QPen(palette().highlight().color(), 1, Qt::DotLine));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5));
    }
}

void ScoreHistogram::mousePressEvent(QMouseEvent* event) { setThreshold(valueAtX(event->position().x())); }

void ScoreHistogram::mouseMoveEvent(QMouseEvent* event) {
    if (event->buttons() & Qt::LeftButton) setThreshold(valueAtX(event->position().x()));
}

// Arrow keys move the handle one bin; with Shift, a tenth of a bin.
void ScoreHistogram::keyPressEvent(QKeyEvent* event) {
    const double step = (high_ - low_) / kBins * ((event->modifiers() & Qt::ShiftModifier) ? 0.1 : 1.0);
    if (event->key() == Qt::Key_Left) {
        setThreshold(threshold_ - step);
    } else if (event->key() == Qt::Key_Right) {
        setThreshold(threshold_ + step);
    } else {
        QWidget::keyPressEvent(event);
    }
}

}  // namespace latent::ui
