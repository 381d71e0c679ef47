#include "MapAxesOverlay.h"

#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>
#include <optional>

#include "latent/core/AxisTicks.h"

namespace latent::ui {
namespace {

constexpr int kTickLength = 5;
constexpr int kMargin = 4;  // between the view's edge and the axis' labels
const QColor kAxisColour(70, 70, 78);

QString tickLabel(double value, double step) {
    const int decimals = std::clamp(static_cast<int>(-std::floor(std::log10(step) + 1e-9)), 0, 6);
    return QString::number(std::abs(value) < step * 1e-6 ? 0.0 : value, 'f', decimals);
}

}  // namespace

void MapAxesOverlay::setAxes(const QStringList& titles, const QVector3D& lowest, const QVector3D& highest) {
    titles_ = titles;
    lowest_ = lowest;
    highest_ = highest;
    // Hidden when there are no axes: one more widget over the GL view costs every repaint.
    setVisible(titles_.size() >= 2);
    update();
}

void MapAxesOverlay::paintOver(QPainter& painter) const {
    const latent::ScreenView view = camera();
    if (titles_.size() < 2 || view.width <= 0.0 || view.height <= 0.0) return;
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(kAxisColour);
    if (titles_.size() == 2) {
        paintPlanar(painter, view);
    } else {
        paintSpatial(painter, view);
    }
    painter.restore();
}

// The view is a parallel projection looking down z: screen x depends on world x alone,
// screen y on world y alone, so each axis is a linear scale read off two points.
void MapAxesOverlay::paintPlanar(QPainter& painter, const latent::ScreenView& view) const {
    const double dpr = devicePixelRatioF();
    const auto origin = onView(view, {0, 0, 0});
    const auto unitX = onView(view, {1, 0, 0});
    const auto unitY = onView(view, {0, 1, 0});
    if (!origin || !unitX || !unitY) return;
    const double ax = unitX->x() - origin->x(), ay = unitY->y() - origin->y();  // pixels per unit
    if (std::abs(ax) < 1e-12 || std::abs(ay) < 1e-12) return;
    const QFontMetrics fm = painter.fontMetrics();
    const double w = view.width / dpr, h = view.height / dpr;
    const double axisY = h - kMargin - 2 * fm.height();  // the x axis, above its labels and title
    const double axisX = kMargin + fm.horizontalAdvance("-0.000") + fm.height() + kTickLength;

    painter.drawLine(QPointF(axisX, axisY), QPointF(w, axisY));
    const auto xs = latent::niceTicks((axisX - origin->x()) / ax, (w - origin->x()) / ax, 6);
    for (double x : xs) {
        const double sx = origin->x() + ax * x;
        painter.drawLine(QPointF(sx, axisY), QPointF(sx, axisY + kTickLength));
        const QString label = tickLabel(x, xs.size() > 1 ? xs[1] - xs[0] : 1.0);
        painter.drawText(QPointF(sx - fm.horizontalAdvance(label) / 2.0, axisY + kTickLength + fm.ascent()), label);
    }
    painter.drawText(QRectF(axisX, h - kMargin - fm.height(), w - axisX, fm.height()), Qt::AlignHCenter, titles_[0]);

    painter.drawLine(QPointF(axisX, 0), QPointF(axisX, axisY));
    const auto ys = latent::niceTicks((axisY - origin->y()) / ay, (0 - origin->y()) / ay, 6);
    for (double y : ys) {
        const double sy = origin->y() + ay * y;
        if (sy > axisY) continue;
        painter.drawLine(QPointF(axisX - kTickLength, sy), QPointF(axisX, sy));
        const QString label = tickLabel(y, ys.size() > 1 ? ys[1] - ys[0] : 1.0);
        painter.drawText(QPointF(axisX - kTickLength - 2 - fm.horizontalAdvance(label), sy + fm.ascent() / 2.0 - 1),
                         label);
    }
    painter.save();
    painter.translate(kMargin + fm.ascent(), axisY / 2.0);
    painter.rotate(-90);
    painter.drawText(QPointF(-fm.horizontalAdvance(titles_[1]) / 2.0, 0), titles_[1]);
    painter.restore();
}

// Three edges of the bounding box from its lowest corner, ticked, each titled at its end
// (kept inside the view). An axis seen end-on, or of a collapsed dimension, is too short
// on screen for its ticks to be read: it shows its title alone.
void MapAxesOverlay::paintSpatial(QPainter& painter, const latent::ScreenView& view) const {
    constexpr double kShortestTicked = 60.0;  // logical pixels
    const QFontMetrics fm = painter.fontMetrics();
    const QRectF inside = QRectF(rect()).adjusted(kMargin, kMargin, -kMargin, -kMargin);
    for (int axis = 0; axis < 3; ++axis) {
        QVector3D end = lowest_;
        end[axis] = highest_[axis];
        const auto from = onView(view, lowest_);
        const auto to = onView(view, end);
        if (!from || !to) continue;
        painter.drawLine(*from, *to);
        const QLineF line(*from, *to);
        if (line.length() >= kShortestTicked) {
            const auto ticks = latent::niceTicks(lowest_[axis], highest_[axis], 4);
            for (double value : ticks) {
                QVector3D at = lowest_;
                at[axis] = static_cast<float>(value);
                if (const auto p = onView(view, at)) {
                    painter.drawEllipse(*p, 1.5, 1.5);
                    painter.drawText(*p + QPointF(3, -3),
                                     tickLabel(value, ticks.size() > 1 ? ticks[1] - ticks[0] : 1.0));
                }
            }
        }
        const QString& title = titles_[axis];
        QRectF box(*to + QPointF(4, 2), QSizeF(fm.horizontalAdvance(title) + 2, fm.height()));
        box.moveLeft(std::clamp(box.left(), inside.left(), inside.right() - box.width()));
        box.moveTop(std::clamp(box.top(), inside.top(), inside.bottom() - box.height()));
        painter.drawText(box, Qt::AlignLeft | Qt::AlignVCenter, title);
    }
}

}  // namespace latent::ui
