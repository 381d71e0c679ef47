#include "latent/ui/ColourBar.h"

#include <QLinearGradient>
#include <QPainter>
#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

namespace latent::ui {
namespace {

// Stops sampled from the viridis ramp at 0, 1/4, ... 1; straight lines between them are
// close enough for a map legend.
constexpr std::array<QRgb, 5> kStops = {0x440154, 0x3b528b, 0x21918c, 0x5ec962, 0xfde725};

QString numberText(double v) {
    return QString::number(v, 'g', 4);
}

}  // namespace

QColor colourMapAt(double t) {
    t = std::clamp(std::isnan(t) ? 0.0 : t, 0.0, 1.0);
    const double at = t * static_cast<double>(kStops.size() - 1);
    const auto i = std::min(static_cast<std::size_t>(at), kStops.size() - 2);
    const double f = at - static_cast<double>(i);
    const QColor a = QColor::fromRgb(kStops[i]);
    const QColor b = QColor::fromRgb(kStops[i + 1]);
    auto mix = [f](int x, int y) { return static_cast<int>(std::lround(x + (y - x) * f)); };
    return QColor(mix(a.red(), b.red()), mix(a.green(), b.green()), mix(a.blue(), b.blue()));
}

ColourBar::ColourBar(QWidget* parent) : QWidget(parent) {
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

void ColourBar::setRange(const QString& name, double min, double max) {
    setRamp(colourMapAt, name, numberText(min), numberText(max));
    setToolTip(tr("%1: %2 (dark) to %3 (yellow)").arg(name_, minText_, maxText_));
}

void ColourBar::setRamp(std::function<QColor(double)> ramp, const QString& name,
                        const QString& minText, const QString& maxText) {
    ramp_ = std::move(ramp);
    name_ = name;
    minText_ = minText;
    maxText_ = maxText;
    update();
}

QSize ColourBar::sizeHint() const {
    return {200, fontMetrics().height() * 2 + 22};
}

void ColourBar::paintEvent(QPaintEvent*) {
    QPainter p(this);
    const int text = fontMetrics().height();
    const QRect bar(4, 4, width() - 8, 14);
    QLinearGradient gradient(bar.topLeft(), bar.topRight());
    for (int s = 0; s <= 16; ++s) gradient.setColorAt(s / 16.0, ramp_(s / 16.0));
    p.fillRect(bar, gradient);
    p.setPen(palette().color(QPalette::Mid));
    p.drawRect(bar.adjusted(0, 0, -1, -1));
    p.setPen(palette().color(QPalette::WindowText));
    const QRect labels(bar.left(), bar.bottom() + 3, bar.width(), text);
    p.drawText(labels, Qt::AlignLeft | Qt::AlignVCenter, minText_);
    p.drawText(labels, Qt::AlignRight | Qt::AlignVCenter, maxText_);
    p.drawText(labels.translated(0, text), Qt::AlignHCenter | Qt::AlignVCenter, name_);
}

}  // namespace latent::ui
