#include "latent/ui/RunCurveChart.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

#include "latent/core/ReportCard.h"

namespace latent::ui {
namespace {

QString valueText(double v) { return QString::fromStdString(latent::formatCardValue(v)); }

}  // namespace

RunCurveChart::RunCurveChart(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setFixedHeight(120);
    setCursor(Qt::PointingHandCursor);
}

void RunCurveChart::setCurve(const QStringList& labels, const std::vector<double>& values) {
    labels_ = labels;
    values_ = values;
    current_ = std::clamp(current_, 0, std::max(0, static_cast<int>(values_.size()) - 1));
    update();
}

void RunCurveChart::setCurrent(int step) {
    current_ = step;
    setToolTip(step >= 0 && step < static_cast<int>(values_.size())
                   ? tr("%1: %2").arg(labels_.value(step), valueText(values_[static_cast<std::size_t>(step)]))
                   : QString());
    update();
}

QRect RunCurveChart::plotArea() const {
    const QFontMetrics fm = fontMetrics();
    const int axis = fm.horizontalAdvance("0.0000") + 6;
    return rect().adjusted(axis, fm.height() + 4, -8, -fm.height() - 4);  // room for the current value above
}

double RunCurveChart::xOf(int step, const QRect& area) const {
    const int n = static_cast<int>(values_.size());
    if (n < 2) return area.center().x();
    return area.left() + area.width() * static_cast<double>(step) / (n - 1);
}

void RunCurveChart::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, true);
    const QFontMetrics fm = fontMetrics();
    const QRect area = plotArea();
    double low = INFINITY, high = -INFINITY;
    for (double v : values_) {
        if (std::isfinite(v)) low = std::min(low, v), high = std::max(high, v);
    }
    const QColor text = palette().color(QPalette::WindowText);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    p.drawLine(area.bottomLeft(), area.topLeft());
    if (!std::isfinite(low)) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area, Qt::AlignCenter | Qt::TextWordWrap, tr("Not measured on these checkpoints"));
        return;
    }
    if (high - low < 1e-12) high = low + std::max(std::abs(low) * 0.1, 1e-6);  // a flat line mid-height
    const double margin = 0.08 * (high - low);
    const double bottom = low - margin, top = high + margin;
    const auto yOf = [&](double v) { return area.bottom() - area.height() * (v - bottom) / (top - bottom); };

    p.setPen(text);
    const int axisWidth = area.left() - 4;
    p.drawText(QRect(0, static_cast<int>(yOf(high)) - fm.height() / 2, axisWidth, fm.height()), Qt::AlignRight,
               valueText(high));
    p.drawText(QRect(0, static_cast<int>(yOf(low)) - fm.height() / 2, axisWidth, fm.height()), Qt::AlignRight,
               valueText(low));
    const int n = static_cast<int>(values_.size());
    p.drawText(QRect(area.left(), area.bottom() + 2, area.width() / 2, fm.height()), Qt::AlignLeft, labels_.value(0));
    if (n > 1) {
        p.drawText(QRect(area.center().x(), area.bottom() + 2, area.width() - area.width() / 2, fm.height()),
                   Qt::AlignRight, labels_.value(n - 1));
    }

    // The current checkpoint: a vertical line behind the curve.
    const QColor accent = palette().color(QPalette::Highlight);
    if (current_ >= 0 && current_ < n) {
        p.setPen(QPen(accent, 1, Qt::DashLine));
        p.drawLine(QPointF(xOf(current_, area), area.top()), QPointF(xOf(current_, area), area.bottom()));
    }
    QPainterPath line;
    bool drawing = false;
    for (int k = 0; k < n; ++k) {
        const double v = values_[static_cast<std::size_t>(k)];
        if (!std::isfinite(v)) {
            drawing = false;  // a gap where it could not be measured
            continue;
        }
        const QPointF at(xOf(k, area), yOf(v));
        drawing ? line.lineTo(at) : line.moveTo(at);
        drawing = true;
    }
    p.setPen(QPen(text, 1.5));
    p.drawPath(line);
    for (int k = 0; k < n; ++k) {
        const double v = values_[static_cast<std::size_t>(k)];
        if (!std::isfinite(v)) continue;
        const bool here = k == current_;
        p.setPen(QPen(here ? accent : text, 1));
        p.setBrush(here ? accent : palette().color(QPalette::Base));
        const double r = here ? 4.5 : 2.5;
        p.drawEllipse(QPointF(xOf(k, area), yOf(v)), r, r);
    }
    if (current_ >= 0 && current_ < n) {
        // The current checkpoint's value, named, above the plot's top right.
        const double v = values_[static_cast<std::size_t>(current_)];
        p.setPen(text);
        p.drawText(QRect(area.left(), 0, area.width(), area.top()), Qt::AlignRight | Qt::AlignTop,
                   tr("%1: %2").arg(labels_.value(current_), std::isfinite(v) ? valueText(v) : tr("not measured")));
    }
}

void RunCurveChart::mousePressEvent(QMouseEvent* event) {
    const int n = static_cast<int>(values_.size());
    if (n < 1 || event->button() != Qt::LeftButton) return QWidget::mousePressEvent(event);
    const QRect area = plotArea();
    const double at = n < 2 ? 0.0 : (event->position().x() - area.left()) / area.width() * (n - 1);
    Q_EMIT stepClicked(std::clamp(static_cast<int>(std::lround(at)), 0, n - 1));
}

}  // namespace latent::ui
