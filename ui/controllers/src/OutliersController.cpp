#include "latent/ui/OutliersController.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QWidget>

#include "latent/core/ItemScores.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/OutliersPanel.h"
#include "latent/ui/SelectionModel.h"

namespace latent::ui {

OutliersController::OutliersController(ExplorerState* state, OutliersPanel* panel, Inference* inference,
                                       CurrentPointController* current, QWidget* dialogParent)
    : QObject(dialogParent),
      state_(state),
      panel_(panel),
      decoder_(new BatchDecoder(inference, this)),
      dialogParent_(dialogParent) {
    // Queued: the window hands the new model to the inference after the state changes, and
    // the strip's first reconstructions need it.
    connect(
        state_, &ExplorerState::workspaceChanged, this,
        [this] {
            decoder_->discard();
            panel_->setWorkspace(state_->workspace());
        },
        Qt::QueuedConnection);
    connect(panel_, &OutliersPanel::reconstructionsWanted, this, &OutliersController::decodeStrip);
    connect(decoder_, &BatchDecoder::decoded, this, [this](const std::vector<latent::Image>& images) {
        panel_->setReconstructions(decoding_, images);
    });
    connect(panel_, &OutliersPanel::itemActivated, current, &CurrentPointController::selectItem);
    connect(panel_, &OutliersPanel::selectRequested, this, [this](const std::vector<std::size_t>& items) {
        state_->selection()->replace(items);
        Q_EMIT statusMessage(tr("Selected the %1 outliers.").arg(items.size()));
    });
    connect(panel_, &OutliersPanel::exportRequested, this,
            [this](const std::vector<std::size_t>& items, const QString& scoreId) {
                const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Export Outliers"),
                                                                  tr("outliers.csv"), tr("CSV (*.csv)"));
                if (path.isEmpty()) return;
                const QString error = exportTo(path, items, scoreId);
                if (!error.isEmpty()) QMessageBox::warning(dialogParent_, tr("Export Outliers"), error);
            });
}

void OutliersController::decodeStrip(const std::vector<std::size_t>& items) {
    const auto ws = state_->workspace();
    if (!ws || !ws->hasModel() || items.empty()) return;
    decoding_ = items;
    decoder_->request(latent::rowsOf(ws->latents, items));
}

QString OutliersController::exportTo(const QString& path, const std::vector<std::size_t>& items,
                                     const QString& scoreId) {
    const auto ws = state_->workspace();
    const latent::ScoreColumn* score = ws ? ws->scores.find(scoreId.toStdString()) : nullptr;
    if (!score || !score->available()) return tr("There is no score '%1' to export.").arg(scoreId);
    try {
        latent::writeOutlierList(path.toStdString(), items, *score, ws->dataset);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    Q_EMIT statusMessage(tr("Exported %1 outliers to %2.").arg(items.size()).arg(path));
    return {};
}

}  // namespace latent::ui
