#include "latent/ui/ImageSearchController.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QVector3D>

#include "latent/core/ImageFolder.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/ImageConvert.h"
#include "latent/ui/ImageSearchPanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MapPositions.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

ImageSearchController::ImageSearchController(Parts parts, QWidget* dialogParent)
    : QObject(dialogParent), p_(parts), dialogParent_(dialogParent), job_(this) {
    connect(p_.state, &ExplorerState::workspaceChanged, this, &ImageSearchController::onWorkspaceChanged);
    // A new map: the same images placed on it.
    connect(p_.state, &ExplorerState::projectionChanged, this, [this] {
        if (found_.empty() || !p_.state->projection()) return;
        std::vector<std::filesystem::path> files;
        auto latents = std::make_shared<latent::LatentBatch>(found_.size(), found_.front().latent.size());
        for (std::size_t i = 0; i < found_.size(); ++i) {
            files.push_back(found_[i].file);
            std::copy(found_[i].latent.begin(), found_[i].latent.end(), latents->row(i).begin());
        }
        run(std::move(files), fitted_, std::move(latents));
    });
    connect(p_.panel, &ImageSearchPanel::findRequested, this, &ImageSearchController::chooseAndFind);
    connect(p_.panel, &ImageSearchPanel::clearRequested, this, &ImageSearchController::clear);
    connect(p_.panel, &ImageSearchPanel::itemActivated, p_.current, &CurrentPointController::selectItem);
}

bool ImageSearchController::canSearch() const {
    const auto& ws = p_.state->workspace();
    return ws && ws->hasModel() && ws->model->info().hasEncoder && ws->neighbours;
}

void ImageSearchController::onWorkspaceChanged() {
    job_.discard();
    found_.clear();
    fitted_.reset();
    p_.map->setFoundImages({});
    p_.panel->setAvailable(canSearch(), tr("Finding images needs a model with an encoder; this workspace has none."));
}

void ImageSearchController::chooseAndFind() {
    const QStringList files = QFileDialog::getOpenFileNames(dialogParent_, tr("Find Images on the Map"), {},
                                                            tr("Images (*.png *.jpg *.jpeg)"));
    if (!files.isEmpty()) find(files);
}

void ImageSearchController::find(const QStringList& files) {
    if (!canSearch()) {
        Q_EMIT statusMessage(tr("Finding images needs a model with an encoder."));
        return;
    }
    std::vector<std::filesystem::path> paths;
    for (const QString& f : files) paths.emplace_back(f.toStdString());
    run(std::move(paths), nullptr, nullptr);
}

// With `latents` (a new map), only places them; otherwise reads, fits and encodes first.
void ImageSearchController::run(std::vector<std::filesystem::path> files, std::shared_ptr<const latent::Dataset> fitted,
                                std::shared_ptr<const latent::LatentBatch> latents) {
    const auto ws = p_.state->workspace();
    const auto map = p_.state->projection();
    if (!ws || !map) {
        const QString why = tr("There is no map to place images on yet: find them once it shows.");
        p_.panel->showStopped(why);
        Q_EMIT statusMessage(why);
        return;
    }
    p_.panel->showRunning(latents ? tr("Placing the images on the new map…")
                                  : files.size() == 1 ? tr("Encoding the image…")
                                                      : tr("Encoding %1 images…").arg(files.size()));
    job_.run(
        [ws, map, files = std::move(files), fitted, latents, encode = p_.inference->batchEncoder(),
         fit = p_.state->identity().folderFit](const LatestJob<Result>::Control& control) {
            Result result{{}, fitted};
            auto encoded = latents;
            if (!encoded) {
                result.fitted = std::make_shared<const latent::Dataset>(
                    latent::loadImageFiles(files, ws->model->info().imageShape, fit));
                encoded = std::make_shared<const latent::LatentBatch>(encode(result.fitted, control.stopToken()));
            }
            result.found = latent::findImages(files, *encoded, *map, *ws->neighbours, kNearest);
            return result;
        },
        [this, fresh = !latents](JobOutcome<Result> outcome) {
            if (!outcome.result) {
                p_.panel->showStopped(outcome.cancelled ? tr("Cancelled.") : tr("Could not find the images: %1").arg(outcome.error));
                Q_EMIT statusMessage(tr("Could not find the images: %1").arg(outcome.error));
                return;
            }
            show(std::move(*outcome.result));
            if (fresh && !found_.empty()) {
                const auto& first = found_.front();
                p_.current->setCurrent(first.latent,
                                       tr("image %1").arg(QString::fromStdString(first.file.filename().string())), false);
            }
            Q_EMIT searched();
        });
}

void ImageSearchController::show(Result result) {
    found_ = std::move(result.found);
    fitted_ = std::move(result.fitted);
    const auto& ws = p_.state->workspace();
    std::vector<QVector3D> marks;
    std::vector<FoundImageView> views;
    for (std::size_t i = 0; i < found_.size(); ++i) {
        const auto& f = found_[i];
        marks.push_back(mapPosition(f.position));
        FoundImageView view;
        view.file = QString::fromStdString(f.file.string());
        if (fitted_ && i < fitted_->count) view.fitted = toQImage(fitted_->image(i));
        for (const auto& n : f.neighbours) {
            FoundImageView::Item item{n.index, p_.current->labelFor(n.index), n.distance, {}};
            if (ws->hasImages()) item.image = toQImage(ws->dataset.image(n.index));
            view.nearest.push_back(std::move(item));
        }
        views.push_back(std::move(view));
    }
    p_.map->setFoundImages(marks);
    const QString note = found_.size() == 1 ? tr("1 image, marked 1 on the map; its nearest items:")
                                            : tr("%1 images, marked 1 to %1 on the map; their nearest items:").arg(found_.size());
    p_.panel->showFound(views, note);
    Q_EMIT statusMessage(found_.size() == 1 ? tr("Found the image on the map.")
                                            : tr("Found the %1 images on the map.").arg(found_.size()));
}

void ImageSearchController::clear() {
    job_.discard();
    found_.clear();
    fitted_.reset();
    p_.map->setFoundImages({});
    p_.panel->setAvailable(canSearch());
}

}  // namespace latent::ui
