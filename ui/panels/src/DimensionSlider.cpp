#include "latent/ui/DimensionSlider.h"

#include <QGridLayout>
#include <QLabel>
#include <QPainter>
#include <QSignalBlocker>
#include <QSlider>
#include <algorithm>
#include <cmath>

namespace latent::ui {
namespace {

// The histogram as a thin strip of bars, scaled to its tallest bin. The bins cover
// [from, to] of the strip's width (fractions), so they line up with the slider's range.
class HistogramStrip : public QWidget {
public:
    HistogramStrip(std::vector<std::size_t> bins, bool active, double from, double to, QWidget* parent)
        : QWidget(parent), bins_(std::move(bins)), active_(active), from_(from), to_(to) {
        setFixedHeight(14);
        setMinimumWidth(60);
    }

protected:
    void paintEvent(QPaintEvent*) override {
        QPainter p(this);
        const std::size_t peak = bins_.empty() ? 0 : *std::max_element(bins_.begin(), bins_.end());
        if (peak == 0) return;
        const double left = from_ * width();
        const double w = (to_ - from_) * width() / static_cast<double>(bins_.size());
        p.setPen(Qt::NoPen);
        p.setBrush(active_ ? QColor(70, 120, 180, 150) : QColor(150, 150, 150, 90));
        for (std::size_t i = 0; i < bins_.size(); ++i) {
            const double h = static_cast<double>(height()) * static_cast<double>(bins_[i]) / static_cast<double>(peak);
            p.drawRect(QRectF(left + static_cast<double>(i) * w, height() - h, std::max(1.0, w - 1.0), h));
        }
    }

private:
    std::vector<std::size_t> bins_;
    bool active_;
    double from_, to_;
};

}  // namespace

DimensionSlider::DimensionSlider(const latent::DimensionSummary& summary, const latent::TraversalRange& range,
                                 QWidget* parent)
    : QWidget(parent), dimension_(summary.dimension), range_(range), slider_(new QSlider(Qt::Horizontal, this)),
      valueLabel_(new QLabel(this)) {
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setVerticalSpacing(0);
    auto* name = new QLabel(tr("z%1").arg(summary.dimension), this);
    name->setMinimumWidth(34);
    name->setToolTip(summary.active ? tr("Active dimension (importance %1)").arg(summary.importance, 0, 'g', 3)
                                    : tr("Inactive: the model barely uses this dimension (importance %1)")
                                          .arg(summary.importance, 0, 'g', 3));
    slider_->setRange(0, kSteps);
    valueLabel_->setMinimumWidth(48);
    valueLabel_->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    grid->addWidget(name, 0, 0, 2, 1);
    const auto inData = latent::dataRange(summary);
    const double span = std::max(range.high - range.low, 1e-12);
    grid->addWidget(new HistogramStrip(summary.histogram, summary.active, (inData.low - range.low) / span,
                                       (inData.high - range.low) / span, this),
                    0, 1);
    grid->addWidget(slider_, 1, 1);
    grid->addWidget(valueLabel_, 0, 2, 2, 1);
    if (!summary.active) {
        for (QLabel* l : {name, valueLabel_}) l->setStyleSheet("color: #9aa0a6;");
    }
    connect(slider_, &QSlider::valueChanged, this, [this](int) {
        showValue();
        Q_EMIT valueEdited(dimension_, value());
    });
    setValueQuietly(0.5 * (range.low + range.high));
}

double DimensionSlider::valueAtStep(int step) const {
    return range_.low + (range_.high - range_.low) * static_cast<double>(step) / kSteps;
}

double DimensionSlider::value() const { return valueAtStep(slider_->value()); }

void DimensionSlider::setValueQuietly(double v) {
    const double span = range_.high - range_.low;
    const int step = span > 0.0 ? static_cast<int>(std::lround((v - range_.low) / span * kSteps)) : kSteps / 2;
    const QSignalBlocker block(slider_);
    slider_->setValue(std::clamp(step, 0, kSteps));
    showValue();
}

void DimensionSlider::showValue() { valueLabel_->setText(QString::number(value(), 'f', 2)); }

}  // namespace latent::ui
