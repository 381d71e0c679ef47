#pragma once

#include <QString>
#include <QStringList>
#include <QWidget>
#include <vector>

namespace latent::ui {

// One number of a training run, per checkpoint: a line over the checkpoints with the one
// the timeline is at marked. A click on the chart asks for the nearest checkpoint, so the
// curve is also a way to step. NaN values leave a gap.
class RunCurveChart : public QWidget {
    Q_OBJECT
public:
    explicit RunCurveChart(QWidget* parent = nullptr);

    // `labels`: the checkpoints' names (x), `values`: one per checkpoint (y).
    void setCurve(const QStringList& labels, const std::vector<double>& values);
    void setCurrent(int step);
    int current() const { return current_; }
    const std::vector<double>& values() const { return values_; }

    QSize sizeHint() const override { return {260, 120}; }
    QSize minimumSizeHint() const override { return {120, 90}; }

Q_SIGNALS:
    void stepClicked(int step);

protected:
    void paintEvent(QPaintEvent*) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRect plotArea() const;
    double xOf(int step, const QRect& area) const;

    QStringList labels_;
    std::vector<double> values_;
    int current_ = 0;
};

}  // namespace latent::ui
