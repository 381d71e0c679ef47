#pragma once

#include <QWidget>
#include <cstdint>
#include <optional>

#include "latent/core/ReportCard.h"

class QLabel;
class QPushButton;
class QSpinBox;

namespace latent::ui {

class JobStatus;

class ReportCardView;

// The Report card dock: Measure (with its seed) runs the card in the background with
// progress and Cancel; the card then shows as a page, and Export saves it as HTML, JSON
// or PNG. A new workspace clears the card: it described the old one.
class ReportCardPanel : public QWidget {
    Q_OBJECT
public:
    explicit ReportCardPanel(QWidget* parent = nullptr);

    // Whether there is a workspace to measure; `why` says what is missing when not.
    void setMeasurable(bool measurable, const QString& why = {});
    void showRunning();
    void setProgress(double fraction, const QString& message);
    void showCard(latent::ReportCard card);
    void showStopped(const QString& message);  // cancelled or failed: no card
    void clearCard();

    const std::optional<latent::ReportCard>& card() const { return card_; }
    bool running() const;
    std::uint64_t seed() const;
    void setSeed(std::uint64_t seed);
    ReportCardView* view() const { return view_; }
    QString status() const;

Q_SIGNALS:
    void measureRequested(std::uint64_t seed);
    void cancelRequested();
    void exportRequested();

private:
    void updateButtons();

    QPushButton* measure_;
    QPushButton* cancel_;
    QPushButton* export_;
    QSpinBox* seed_;
    JobStatus* job_;
    ReportCardView* view_;
    std::optional<latent::ReportCard> card_;
    bool measurable_ = false;
};

}  // namespace latent::ui
