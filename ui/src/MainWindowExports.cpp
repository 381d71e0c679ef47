// MainWindow's File > Export actions: each runs a core export off the UI thread.
#include <QFileDialog>
#include <QLabel>
#include <QMessageBox>
#include <algorithm>

#include "latent/core/DimensionStats.h"
#include "latent/core/ExplorationExport.h"
#include "latent/ui/BackgroundTask.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/MorphPanel.h"

namespace latent::ui {

void MainWindow::runExport(const QString& what, std::function<void()> work) {
    status_->setText(tr("Exporting %1…").arg(what));
    runInBackground(this, std::move(work), [this, what](const QString& error) {
        if (error.isEmpty()) {
            status_->setText(tr("Exported %1.").arg(what));
        } else {
            status_->setText(tr("Export failed: %1").arg(error));
            QMessageBox::warning(this, tr("Export"), error);
        }
    });
}

void MainWindow::exportMorph(bool animated) {
    const auto state = morph_->state();
    if (!workspace_ || !state) {
        status_->setText(tr("Set A and B in the Morph panel first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Morph"), animated ? "morph.gif" : "morph.png",
                                                      animated ? tr("GIF (*.gif)") : tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    latent::MorphExport job{state->a, state->b, state->mode, static_cast<std::size_t>(state->frames),
                            state->t > 1.0 ? 1.5 : 1.0, 4};
    runExport(path, [model = workspace_->model, job, animated, file = path.toStdString()] {
        if (animated) {
            latent::exportMorphAnimation(*model, job, 12, file);
        } else {
            latent::exportMorphStrip(*model, job, file);
        }
    });
}

void MainWindow::exportTraversal() {
    if (!workspace_ || current_->latent().empty()) {
        status_->setText(tr("Select a point first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Traversal Grid"), "traversal.png", tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    auto summaries = latent::summariseDimensions(workspace_->latents);
    auto ranked = latent::rankDimensions(summaries);
    ranked.resize(std::min<std::size_t>(ranked.size(), 8));  // the dimensions that matter most
    runExport(path, [model = workspace_->model, point = current_->latent(), summaries, ranked, file = path.toStdString()] {
        latent::exportTraversalGrid(*model, point, summaries, ranked, 10, 2, file);
    });
}

}  // namespace latent::ui
