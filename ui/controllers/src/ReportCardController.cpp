#include "latent/ui/ReportCardController.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QThread>
#include <QWidget>

#include "latent/core/ReportCardBuilder.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/Inference.h"
#include "latent/ui/ReportCardPanel.h"
#include "latent/ui/ReportCardView.h"

namespace latent::ui {
namespace {

constexpr int kPageWidth = 900;  // logical pixels of an exported PNG page

}  // namespace

ReportCardController::ReportCardController(ExplorerState* state, ReportCardPanel* panel, Inference* inference,
                                           QWidget* dialogParent)
    : QObject(dialogParent),
      state_(state),
      panel_(panel),
      inference_(inference),
      dialogParent_(dialogParent),
      job_(this, inference->waitingPool()) {
    job_.onProgress([this](const JobProgress& p) { panel_->setProgress(p.fraction, QString::fromStdString(p.message)); });
    connect(state_, &ExplorerState::workspaceChanged, this, [this] {
        job_.discard();
        pendingExport_.clear();
        panel_->setMeasurable(state_->workspace() != nullptr, tr("Open a model and data to measure their latent space."));
    });
    connect(panel_, &ReportCardPanel::measureRequested, this, &ReportCardController::measure);
    connect(panel_, &ReportCardPanel::cancelRequested, this, [this] { job_.cancel(); });
    connect(panel_, &ReportCardPanel::exportRequested, this, &ReportCardController::chooseExport);
}

void ReportCardController::measure(std::uint64_t seed) {
    const auto ws = state_->workspace();
    if (!ws) return;
    latent::ReportOptions options;
    options.seed = seed;
    options.threads = std::max(1, QThread::idealThreadCount());
    panel_->showRunning();
    job_.run(
        [ws, identity = state_->identity(), options, decode = inference_->batchDecoder()](const auto& control) {
            return latent::measureReportCard(*ws, identity, options, until(control.stopToken(), decode),
                                             reporting(control));
        },
        [this](JobOutcome<latent::ReportCard> outcome) { finished(std::move(outcome)); });
}

void ReportCardController::finished(JobOutcome<latent::ReportCard> outcome) {
    if (outcome.cancelled) {
        panel_->showStopped(tr("Cancelled: no card."));
        pendingExport_.clear();
        return;
    }
    if (!outcome.result) {
        panel_->showStopped(tr("Could not measure the card: %1").arg(outcome.error));
        pendingExport_.clear();
        return;
    }
    panel_->showCard(std::move(*outcome.result));
    Q_EMIT statusMessage(tr("Report card measured."));
    if (!pendingExport_.isEmpty()) {
        const QString path = std::exchange(pendingExport_, QString());
        const QString error = exportTo(path);
        if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Export Report"), error);
    }
}

void ReportCardController::chooseExport() {
    if (!state_->workspace()) {
        QMessageBox::information(dialogParent_, tr("Export Report"), tr("Open a model and data first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Export Report"), tr("report-card.html"),
                                                      tr("HTML page (*.html);;JSON (*.json);;PNG image (*.png)"));
    if (path.isEmpty()) return;
    if (panel_->card()) {
        const QString error = exportTo(path);
        if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Export Report"), error);
        return;
    }
    pendingExport_ = path;
    if (!panel_->running()) measure(panel_->seed());
}

QString ReportCardController::exportTo(const QString& path) {
    if (!panel_->card()) return tr("There is no report card to export: measure it first.");
    const QString suffix = QFileInfo(path).suffix().toLower();
    try {
        if (suffix == "png") {
            QSaveFile file(path);  // atomic: the old file stays whole until the new one is
            if (!file.open(QIODevice::WriteOnly) || !renderReportCard(*panel_->card(), kPageWidth).save(&file, "PNG") ||
                !file.commit()) {
                return tr("Could not write %1: %2").arg(path, file.errorString());
            }
        } else {
            latent::writeReportCard(path.toStdString(), *panel_->card());
        }
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    Q_EMIT statusMessage(tr("Exported the report card to %1.").arg(path));
    return {};
}

}  // namespace latent::ui
