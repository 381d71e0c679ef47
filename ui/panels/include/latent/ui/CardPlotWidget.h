#pragma once

#include <QWidget>

#include "latent/core/ReportCard.h"

namespace latent::ui {

// One small plot of the report card (bars, a heat map or a strip of images), drawn to fit
// whatever width its column gives it: it never asks for more than a narrow dock has.
class CardPlotWidget : public QWidget {
    Q_OBJECT
public:
    explicit CardPlotWidget(latent::CardPlot plot, QWidget* parent = nullptr);

    const latent::CardPlot& plot() const { return plot_; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent*) override;
    void resizeEvent(QResizeEvent*) override;

private:
    void paintBars(QPainter& p, const QRect& area) const;
    void paintHeatMap(QPainter& p, const QRect& area) const;
    void paintStrip(QPainter& p, const QRect& area) const;

    latent::CardPlot plot_;
};

}  // namespace latent::ui
