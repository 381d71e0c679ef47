#include "latent/ui/MorphController.h"

#include "latent/core/Interpolation.h"
#include "latent/core/Projector.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MapPositions.h"
#include "latent/ui/MorphEndpointPicker.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

MorphController::MorphController(MorphPanel* morph, ScatterMap* map, CurrentPointController* current,
                                 const ExplorerState* state, QObject* parent)
    : QObject(parent), morph_(morph), map_(map), current_(current), state_(state), placement_(this) {
    connect(state_, &ExplorerState::workspaceChanged, this, &MorphController::onWorkspaceChanged);
    // Every change of the ends, the mode or the range re-requests the strip: redraw then.
    connect(morph_, &MorphPanel::stripRequested, this, &MorphController::updatePath);
    connect(current_, &CurrentPointController::mapRebuilt, this, &MorphController::updatePath);
    connect(morph_->endpointPicker(), &MorphEndpointPicker::chosen, this, &MorphController::setEndFromDataset);
}

void MorphController::onWorkspaceChanged() {
    morph_->endpointPicker()->setWorkspace(state_->workspace());
    map_->clearPath();
}

void MorphController::setEndFromDataset(bool isA, std::size_t index) {
    if (!state_->workspace() || index >= state_->workspace()->latents.count) return;
    const auto z = state_->workspace()->latents.row(index);
    morph_->setEndpoint(isA, {z.begin(), z.end()}, current_->labelFor(index), index);
}

void MorphController::updatePath() {
    placement_.discard();  // A, B, the mode or the map changed
    const auto state = morph_->state();
    const auto projection = current_->projection();
    morph_->setPathNote({});
    if (!state_->workspace() || !projection || !state || state->a.size() != state_->workspace()->latents.dim) {
        map_->clearPath();
        return;
    }
    auto latents = latent::interpolationPath(state->a, state->b, kPathSamples, state->mode);
    using Placement = latent::ProjectionResult::Placement;
    if (projection->placement() == Placement::Exact) {
        showPath(projection->placeAll(latents));
        return;
    }
    // UMAP's transform and the nearest-data placement search all the data: off the UI thread.
    morph_->setPathNote(
        projection->placement() == Placement::UmapTransform
            ? tr("The path is placed on this UMAP map by its transform (where UMAP "
                 "would put each frame).")
            : tr("t-SNE and LLE have no transform: each frame of the path is placed "
                 "among the data latents nearest to it, so it follows the data."));
    placement_.run([projection, latents = std::move(latents)](const auto&) { return projection->placeAll(latents); },
                   [this](JobOutcome<latent::LatentBatch> placed) {
                       if (!placed.result) {
                           map_->clearPath();
                           morph_->setPathNote(tr("The path could not be placed on this map: %1").arg(placed.error));
                           return;
                       }
                       showPath(*placed.result);
                       Q_EMIT pathPlaced();
                   });
}

// The path through the placed frames; where the ends are plotted items it starts and ends
// exactly on them (a transform puts a data latent near, not always on, its own point).
void MorphController::showPath(const latent::LatentBatch& placed) {
    std::vector<QVector3D> path = mapPositions(placed);
    const auto state = morph_->state();
    const auto onMap = [this](const std::optional<std::size_t>& i) {
        return i && *i < map_->pointCount();
    };
    if (state && !path.empty() && onMap(state->aIndex))
        path.front() = map_->positionOf(*state->aIndex);
    if (state && !path.empty() && onMap(state->bIndex))
        path.back() = map_->positionOf(*state->bIndex);
    map_->setPath(path);
}

}  // namespace latent::ui
