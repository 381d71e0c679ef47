#pragma once

#include <QWidget>

namespace latent::ui {

// The status bar's progress: a progress bar's look, repainted with the window's next paint.
// QProgressBar::setValue repaints at once, and a synchronous repaint flushes every paint
// the window has pending, the map's GL render included: a job's first progress report
// stalled the event loop by a whole frame (20-50 ms on a software rasteriser).
class StatusProgress : public QWidget {
    Q_OBJECT
public:
    explicit StatusProgress(QWidget* parent = nullptr);

    // How much of the job is done, in [0, 1].
    void setFraction(double fraction);
    double fraction() const { return fraction_; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    double fraction_ = 0.0;
};

}  // namespace latent::ui
