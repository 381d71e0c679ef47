#pragma once

#include <QWidget>
#include <vector>

namespace latent::ui {

// A histogram of one per-item score with a threshold handle: the items at or above it are
// the outliers. Drag anywhere on it (or use the arrow keys) to move the handle.
class ScoreHistogram : public QWidget {
    Q_OBJECT
public:
    static constexpr int kBins = 40;

    explicit ScoreHistogram(QWidget* parent = nullptr);

    // NaN values are left out. The threshold is kept when it lies within the new range.
    void setValues(const std::vector<double>& values);
    double threshold() const { return threshold_; }
    void setThreshold(double threshold);
    double lowest() const { return low_; }
    double highest() const { return high_; }

    QSize sizeHint() const override { return {260, 96}; }
    QSize minimumSizeHint() const override { return {120, 64}; }

Q_SIGNALS:
    void thresholdChanged(double threshold);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    QRectF plotArea() const;
    double valueAtX(double x) const;
    double xOfValue(double value) const;

    std::vector<int> bins_;
    double low_ = 0.0, high_ = 1.0;
    double threshold_ = 1.0;
};

}  // namespace latent::ui
