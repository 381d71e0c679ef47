#include "latent/ui/CardPlotWidget.h"

#include <QPainter>
#include <algorithm>
#include <cmath>

#include "latent/ui/ImageConvert.h"

namespace latent::ui {
namespace {

constexpr int kBarsHeight = 110;
constexpr int kRowHeight = 18;  // a heat map row

QString valueText(double v) { return QString::fromStdString(latent::formatCardValue(v)); }

double largestOf(const std::vector<double>& values, double atLeast) {
    double top = atLeast;
    for (double v : values) {
        if (std::isfinite(v)) top = std::max(top, v);
    }
    return top > 0.0 ? top : 1.0;
}

}  // namespace

CardPlotWidget::CardPlotWidget(latent::CardPlot plot, QWidget* parent) : QWidget(parent), plot_(std::move(plot)) {
    QSizePolicy policy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    policy.setHeightForWidth(true);
    setSizePolicy(policy);
    setToolTip(QString::fromStdString(plot_.title));
}

int CardPlotWidget::heightForWidth(int width) const {
    switch (plot_.kind) {
        case latent::CardPlot::Kind::Bars: return kBarsHeight;
        case latent::CardPlot::Kind::HeatMap:
            return kRowHeight * static_cast<int>(std::max<std::size_t>(plot_.rows.size(), 1)) + 2 * fontMetrics().height();
        case latent::CardPlot::Kind::Strip: {
            const int n = std::max(1, static_cast<int>(plot_.images.size()));
            return std::max(12, (width - 2 * (n - 1)) / n);
        }
    }
    return kBarsHeight;
}

QSize CardPlotWidget::sizeHint() const { return {260, heightForWidth(260)}; }
QSize CardPlotWidget::minimumSizeHint() const { return {120, heightForWidth(120)}; }

void CardPlotWidget::resizeEvent(QResizeEvent*) {
    // A strip is as tall as its images are wide: follow the width the column gives.
    if (plot_.kind == latent::CardPlot::Kind::Strip && height() != heightForWidth(width())) {
        setFixedHeight(heightForWidth(width()));
    }
}

void CardPlotWidget::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing, false);
    const QRect area = rect();
    switch (plot_.kind) {
        case latent::CardPlot::Kind::Bars: paintBars(p, area); break;
        case latent::CardPlot::Kind::HeatMap: paintHeatMap(p, area); break;
        case latent::CardPlot::Kind::Strip: paintStrip(p, area); break;
    }
}

void CardPlotWidget::paintBars(QPainter& p, const QRect& area) const {
    const QFontMetrics fm = fontMetrics();
    const int n = static_cast<int>(plot_.values.size());
    if (n == 0) return;
    const double top = largestOf(plot_.values, std::max(plot_.scaleMax, plot_.marker));
    const int axis = fm.horizontalAdvance(valueText(top)) + 6;
    const bool valueLabels = n <= 6;
    const int above = valueLabels ? fm.height() : fm.height() / 2 + 1;  // the values, or half the scale's top label
    const QRect bars(area.left() + axis, area.top() + above, area.width() - axis - 2,
                     area.height() - fm.height() - above - 2);
    const QColor text = palette().color(QPalette::WindowText);
    p.setPen(palette().color(QPalette::Mid));
    p.drawLine(bars.bottomLeft(), bars.bottomRight());
    p.setPen(text);
    p.drawText(QRect(area.left(), bars.top() - fm.height() / 2, axis - 4, fm.height()), Qt::AlignRight, valueText(top));
    p.drawText(QRect(area.left(), bars.bottom() - fm.height() / 2, axis - 4, fm.height()), Qt::AlignRight, "0");
    const double slot = std::min(static_cast<double>(bars.width()) / n, 90.0);  // a few bars stay bars, not slabs
    // Labels are drawn only when they fit their slot (dimension names on a wide plot).
    bool labelsFit = true;
    for (const std::string& label : plot_.columns) labelsFit &= fm.horizontalAdvance(QString::fromStdString(label)) <= slot;
    for (int i = 0; i < n; ++i) {
        const double v = std::isfinite(plot_.values[static_cast<std::size_t>(i)]) ? std::max(0.0, plot_.values[static_cast<std::size_t>(i)]) : 0.0;
        const int h = static_cast<int>(std::lround(v / top * bars.height()));
        const int x = bars.left() + static_cast<int>(std::lround(slot * i));
        const int w = std::max(1, static_cast<int>(slot) - (slot > 6 ? 3 : 1));
        p.fillRect(QRect(x + 1, bars.bottom() - h, w, h), QColor(79, 124, 172));
        if (valueLabels) {
            p.drawText(QRect(x, bars.bottom() - h - fm.height(), static_cast<int>(slot), fm.height()), Qt::AlignHCenter,
                       valueText(plot_.values[static_cast<std::size_t>(i)]));
        }
        if (labelsFit && static_cast<std::size_t>(i) < plot_.columns.size()) {
            p.drawText(QRect(x, bars.bottom() + 2, static_cast<int>(slot), fm.height()), Qt::AlignHCenter,
                       QString::fromStdString(plot_.columns[static_cast<std::size_t>(i)]));
        }
    }
    if (!labelsFit && !plot_.columns.empty()) {  // the first and last names mark the range
        p.drawText(QRect(bars.left(), bars.bottom() + 2, bars.width(), fm.height()), Qt::AlignLeft,
                   QString::fromStdString(plot_.columns.front()));
        p.drawText(QRect(bars.left(), bars.bottom() + 2, bars.width(), fm.height()), Qt::AlignRight,
                   QString::fromStdString(plot_.columns.back()));
    }
    if (plot_.marker > 0.0) {
        const int y = bars.bottom() - static_cast<int>(std::lround(plot_.marker / top * bars.height()));
        p.setPen(QPen(QColor(192, 57, 43), 1, Qt::DashLine));
        p.drawLine(bars.left(), y, bars.right(), y);
    }
}

void CardPlotWidget::paintHeatMap(QPainter& p, const QRect& area) const {
    const QFontMetrics fm = fontMetrics();
    const int columns = static_cast<int>(plot_.columns.size()), rows = static_cast<int>(plot_.rows.size());
    if (columns == 0 || rows == 0) return;
    int labelWidth = 0;
    for (const std::string& row : plot_.rows) labelWidth = std::max(labelWidth, fm.horizontalAdvance(QString::fromStdString(row)));
    labelWidth = std::min(labelWidth + 6, area.width() / 3);
    const double cell = static_cast<double>(area.width() - labelWidth - 2) / columns;
    const double top = largestOf(plot_.values, 0.0);
    p.setPen(palette().color(QPalette::WindowText));
    for (int r = 0; r < rows; ++r) {
        const int y = area.top() + r * kRowHeight;
        p.drawText(QRect(area.left(), y, labelWidth - 4, kRowHeight), Qt::AlignRight | Qt::AlignVCenter,
                   fm.elidedText(QString::fromStdString(plot_.rows[static_cast<std::size_t>(r)]), Qt::ElideRight, labelWidth - 4));
        for (int c = 0; c < columns; ++c) {
            const std::size_t at = static_cast<std::size_t>(r) * static_cast<std::size_t>(columns) + static_cast<std::size_t>(c);
            const double v = at < plot_.values.size() && std::isfinite(plot_.values[at]) ? plot_.values[at] / top : 0.0;
            const int shade = static_cast<int>(std::lround(255.0 * (1.0 - std::clamp(v, 0.0, 1.0))));
            const int x = area.left() + labelWidth + static_cast<int>(std::lround(cell * c));
            p.fillRect(QRect(x, y + 1, std::max(1, static_cast<int>(cell) - 1), kRowHeight - 2), QColor(shade, (shade + 255) / 2, 255));
        }
    }
    const int y = area.top() + rows * kRowHeight;
    const QRect names(area.left() + labelWidth, y, area.width() - labelWidth, fm.height());
    p.drawText(names, Qt::AlignLeft, QString::fromStdString(plot_.columns.front()));
    p.drawText(names, Qt::AlignRight, QString::fromStdString(plot_.columns.back()));
    p.drawText(QRect(area.left() + labelWidth, y + fm.height(), area.width() - labelWidth, fm.height()), Qt::AlignLeft,
               tr("white: 0, blue: %1").arg(valueText(top)));
}

void CardPlotWidget::paintStrip(QPainter& p, const QRect& area) const {
    const int n = static_cast<int>(plot_.images.size());
    if (n == 0) return;
    const int side = heightForWidth(area.width());
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (int i = 0; i < n; ++i) {
        const QImage image = toQImage(plot_.images[static_cast<std::size_t>(i)]);
        p.drawImage(QRect(area.left() + i * (side + 2), area.top(), side, side), image);
    }
}

}  // namespace latent::ui
