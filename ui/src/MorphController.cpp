#include "latent/ui/MorphController.h"

#include "latent/core/Interpolation.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/MorphEndpointPicker.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

MorphController::MorphController(MorphPanel* morph, ScatterMap* map, CurrentPointController* current,
                                 QObject* parent)
    : QObject(parent), morph_(morph), map_(map), current_(current) {
    // Every change of the ends, the mode or the range re-requests the strip: redraw then.
    connect(morph_, &MorphPanel::stripRequested, this, &MorphController::updatePath);
    connect(current_, &CurrentPointController::mapRebuilt, this, &MorphController::updatePath);
    connect(morph_->endpointPicker(), &MorphEndpointPicker::chosen, this, &MorphController::setEndFromDataset);
}

void MorphController::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    morph_->endpointPicker()->setWorkspace(workspace_);
    map_->clearPath();
}

void MorphController::setEndFromDataset(bool isA, std::size_t index) {
    if (!workspace_ || index >= workspace_->latents.count) return;
    const auto z = workspace_->latents.row(index);
    morph_->setEndpoint(isA, {z.begin(), z.end()}, current_->labelFor(index), index);
}

void MorphController::updatePath() {
    const auto state = morph_->state();
    morph_->setPathNote({});
    if (!workspace_ || !state || state->a.size() != workspace_->latents.dim) {
        map_->clearPath();
        return;
    }
    const auto latents = latent::interpolationPath(state->a, state->b, kPathSamples, state->mode);
    std::vector<QVector3D> path;
    for (std::size_t i = 0; i < latents.count; ++i) {
        const auto row = latents.row(i);
        const auto at = current_->placeOnMap({row.begin(), row.end()});
        if (!at) break;
        path.push_back(*at);
    }
    if (path.size() == latents.count) {
        map_->setPath(path);
        return;
    }
    // A layout without a transform (t-SNE, UMAP, LLE) cannot place the frames between the
    // ends: join the ends when they are plotted items, so the pair still shows.
    const auto onMap = [this](const std::optional<std::size_t>& i) { return i && *i < map_->pointCount(); };
    if (onMap(state->aIndex) && onMap(state->bIndex)) {
        map_->setPath({map_->positionOf(*state->aIndex), map_->positionOf(*state->bIndex)});
        morph_->setPathNote(tr("On this map the path is a straight line from A to B: a t-SNE, "
                               "UMAP or LLE layout cannot place the frames between them."));
    } else {
        map_->clearPath();
    }
}

}  // namespace latent::ui
