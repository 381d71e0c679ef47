#pragma once

#include <QWidget>
#include <vector>

#include "latent/core/DimensionStats.h"
#include "latent/core/Traversal.h"

class QLabel;
class QSlider;

namespace latent::ui {

// One latent dimension: its name, a histogram of the encoded data across the slider's
// range (so users see where the data lives), the slider, and the current value.
// Inactive dimensions are drawn dimmed.
class DimensionSlider : public QWidget {
    Q_OBJECT
public:
    static constexpr int kSteps = 1000;

    DimensionSlider(const latent::DimensionSummary& summary, const latent::TraversalRange& range,
                    QWidget* parent = nullptr);

    std::size_t dimension() const { return dimension_; }
    double value() const;
    // Moves the slider to the step nearest `v` without emitting valueEdited.
    void setValueQuietly(double v);
    double valueAtStep(int step) const;
    QSlider* slider() const { return slider_; }

Q_SIGNALS:
    void valueEdited(std::size_t dimension, double value);

private:
    void showValue();

    std::size_t dimension_;
    latent::TraversalRange range_;
    QSlider* slider_;
    QLabel* valueLabel_;
};

}  // namespace latent::ui
