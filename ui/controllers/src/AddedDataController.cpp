#include "latent/ui/AddedDataController.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QLocale>
#include <QVector3D>

#include "latent/ui/ExplorerState.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MapPositions.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

AddedDataController::AddedDataController(ExplorerState* state, ScatterMap* map, Inference* inference,
                                         QWidget* dialogParent)
    : QObject(dialogParent), state_(state), map_(map), inference_(inference), dialogParent_(dialogParent), job_(this) {
    connect(state_, &ExplorerState::workspaceChanged, this, &AddedDataController::remove);
    connect(state_, &ExplorerState::projectionChanged, this, [this] {
        if (added_ && state_->projection()) run({}, added_);  // the same items on the new map
    });
}

void AddedDataController::chooseFileAndAdd() {
    const QString path = QFileDialog::getOpenFileName(
        dialogParent_, tr("Add Data to the Map"), {},
        tr("Data (*.npy *.npz *.tsv *.idx *-ubyte *.gz);;All files (*)"));
    if (!path.isEmpty()) add(path);
}

void AddedDataController::chooseFolderAndAdd() {
    const QString dir = QFileDialog::getExistingDirectory(dialogParent_, tr("Add a folder of IDX files or images to the map"));
    if (!dir.isEmpty()) add(dir);
}

void AddedDataController::add(const QString& path) {
    if (!state_->workspace() || !state_->projection()) {
        Q_EMIT statusMessage(tr("Open data and wait for its map before adding more."));
        return;
    }
    run(path, nullptr);
}

// With `known` (a new map), only places it; otherwise reads and encodes `path` first.
void AddedDataController::run(const QString& path, std::shared_ptr<const latent::AddedData> known) {
    const auto ws = state_->workspace();
    const auto map = state_->projection();
    if (!ws || !map) return;
    if (!known) Q_EMIT statusMessage(tr("Adding %1 to the map…").arg(QFileInfo(path).fileName()));
    job_.run(
        [ws, map, known, identity = state_->identity(), file = path.toStdString(),
         encode = inference_->batchEncoder()](const LatestJob<Result>::Control& control) {
            Result result{known, {}};
            if (!result.added) {
                const latent::EncodeFn encodeHere = [&](std::shared_ptr<const latent::Dataset> images) {
                    return encode(std::move(images), control.stopToken());
                };
                const latent::ProgressFn progress = reporting(control);
                result.added = std::make_shared<const latent::AddedData>(
                    latent::readAddedData(file, *ws, identity, encodeHere, latent::kMaxAddedItems, progress));
            }
            result.positions = map->placeAll(result.added->latents);
            return result;
        },
        [this, fresh = !known](JobOutcome<Result> outcome) {
            if (!outcome.result) {
                if (!outcome.cancelled) Q_EMIT statusMessage(tr("Could not add the data: %1").arg(outcome.error));
                return;
            }
            show(std::move(*outcome.result), fresh);
        });
}

void AddedDataController::show(Result result, bool fresh) {
    added_ = std::move(result.added);
    positions_ = std::move(result.positions);
    map_->setAddedPoints(mapPositions(positions_));
    if (fresh) {
        const QLocale locale;
        QString text = tr("Added %1 items of %2 (%3) to the map as crosses")
                           .arg(locale.toString(static_cast<qulonglong>(added_->latents.count)),
                                QString::fromStdString(added_->path.filename().string()),
                                QString::fromStdString(added_->description));
        if (added_->total > added_->latents.count) {
            text += tr(", the first of %1").arg(locale.toString(static_cast<qulonglong>(added_->total)));
        }
        if (!added_->note.empty()) text += tr("; %1").arg(QString::fromStdString(added_->note));
        Q_EMIT statusMessage(text + tr("."));
    }
    Q_EMIT placed();
}

void AddedDataController::remove() {
    job_.discard();
    added_.reset();
    positions_ = {};
    map_->setAddedPoints({});
}

}  // namespace latent::ui
