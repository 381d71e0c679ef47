#pragma once

#include <QColor>
#include <QString>
#include <QWidget>
#include <functional>

namespace latent::ui {

// The map's continuous colour scale (a perceptually ordered dark-blue → green → yellow
// ramp, in the spirit of viridis): `t` in [0, 1], clamped.
QColor colourMapAt(double t);

// A horizontal gradient of a colour ramp (colourMapAt unless set) with a caption and the
// values at its two ends.
class ColourBar : public QWidget {
    Q_OBJECT
public:
    explicit ColourBar(QWidget* parent = nullptr);

    // A column's name and its range, on colourMapAt.
    void setRange(const QString& name, double min, double max);
    // Any ramp: t in [0, 1] from left to right, with the caption and end labels given.
    void setRamp(std::function<QColor(double)> ramp, const QString& name, const QString& minText,
                 const QString& maxText);
    QString minText() const { return minText_; }
    QString maxText() const { return maxText_; }
    QString name() const { return name_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::function<QColor(double)> ramp_ = colourMapAt;
    QString name_;
    QString minText_;
    QString maxText_;
};

}  // namespace latent::ui
