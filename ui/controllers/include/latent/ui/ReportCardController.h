#pragma once

#include <QObject>
#include <QString>
#include <cstdint>

#include "latent/core/ReportCard.h"
#include "latent/ui/LatestJob.h"

class QWidget;

namespace latent::ui {

class ExplorerState;
class Inference;
class ReportCardPanel;

// Runs the report card of the explorer's workspace in the background (decoding on the
// window's inference engine), shows it in the panel, and saves it: File > Export Report and
// the panel's Export ask for a file and measure first when there is no card yet.
class ReportCardController : public QObject {
    Q_OBJECT
public:
    ReportCardController(ExplorerState* state, ReportCardPanel* panel, Inference* inference, QWidget* dialogParent);

    void measure(std::uint64_t seed);
    // Asks for a file, then saves the card (measuring it first when there is none).
    void chooseExport();
    // Saves the panel's card as .html, .json or .png; an error message, or "".
    QString exportTo(const QString& path);

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    void finished(JobOutcome<latent::ReportCard> outcome);

    ExplorerState* state_;
    ReportCardPanel* panel_;
    Inference* inference_;
    QWidget* dialogParent_;
    LatestJob<latent::ReportCard> job_;
    QString pendingExport_;  // where to save the card being measured
};

}  // namespace latent::ui
