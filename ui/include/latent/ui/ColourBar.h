#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

namespace latent::ui {

// The map's continuous colour scale (a perceptually ordered dark-blue → green → yellow
// ramp, in the spirit of viridis): `t` in [0, 1], clamped.
QColor colourMapAt(double t);

// A horizontal gradient of colourMapAt with the column's name and its min/max values.
class ColourBar : public QWidget {
    Q_OBJECT
public:
    explicit ColourBar(QWidget* parent = nullptr);

    void setRange(const QString& name, double min, double max);
    QString minText() const { return minText_; }
    QString maxText() const { return maxText_; }
    QString name() const { return name_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QString name_;
    QString minText_;
    QString maxText_;
};

}  // namespace latent::ui
