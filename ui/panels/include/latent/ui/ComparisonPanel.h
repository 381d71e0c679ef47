#pragma once

#include <QString>
#include <QWidget>

#include "latent/core/Image.h"

class QLabel;
class QPushButton;

namespace latent::ui {

class JobStatus;

class RunTimeline;

// The Compare dock: which model the map is compared with and how far the two agree, and
// the current item three times: its original and each model's reconstruction. Comparing
// runs in the background with progress and Cancel.
class ComparisonPanel : public QWidget {
    Q_OBJECT
public:
    // Which picture: the first model's reconstruction or the second's.
    enum class Side { First, Second };

    explicit ComparisonPanel(QWidget* parent = nullptr);

    void showIdle(const QString& message);  // nothing compared (or no longer)
    void showRunning(const QString& message);
    void setProgress(double fraction, const QString& message);
    void showStopped(const QString& message);  // cancelled or failed; what was shown stays
    // A comparison on show: the two models' names and what was measured.
    void showComparison(const QString& first, const QString& second, const QString& summary);
    // The item both maps mark (its pictures follow), or none (a spot decoded by the first
    // model only when the latent sizes differ).
    void showItem(const QString& caption, const latent::Image* original);
    void setDecoded(Side side, const latent::Image& image);
    void setDecodeMessage(Side side, const QString& message);  // instead of a picture
    // A training run's timeline (hidden unless checkpoints are compared).
    RunTimeline* timeline() const { return timeline_; }

    QString status() const;
    QString summary() const;
    QString itemCaption() const;
    bool hasPicture(Side side) const;
    bool comparing() const { return comparing_; }

Q_SIGNALS:
    void compareRequested();
    void closeRequested();
    void cancelRequested();

private:
    QLabel* picture(Side side) const { return side == Side::First ? first_ : second_; }
    void updateButtons();

    QPushButton* compare_;
    QPushButton* close_;
    QPushButton* cancel_;
    JobStatus* job_;
    QLabel* summary_;
    RunTimeline* timeline_;
    QLabel* item_;
    QLabel* originalCaption_;
    QLabel* firstCaption_;
    QLabel* secondCaption_;
    QLabel* original_;
    QLabel* first_;
    QLabel* second_;
    bool comparing_ = false;
};

}  // namespace latent::ui
