#include "latent/ui/CurrentPointController.h"

#include <algorithm>

#include "latent/core/DimensionStats.h"
#include "latent/core/Error.h"
#include "latent/ui/AttributePanel.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MapPositions.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ProjectionText.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/TraversalGridDialog.h"
#include "latent/ui/TraversalPanel.h"

namespace latent::ui {

CurrentPointController::CurrentPointController(const ExplorationWidgets& widgets, ExplorerState* state,
                                               QObject* parent)
    : QObject(parent), w_(widgets), state_(state), nearestSearch_(this) {
    connect(state_, &ExplorerState::workspaceChanged, this, &CurrentPointController::onWorkspaceChanged);
    connect(state_, &ExplorerState::projectionChanged, this, &CurrentPointController::mapShowsProjection);
    connectPanels();
    connectAttributesAndBookmarks();
}

void CurrentPointController::connectPanels() {
    connect(w_.map, &ScatterMap::pointClicked, this, &CurrentPointController::selectItem);
    connect(w_.map, &ScatterMap::emptySpaceClicked, this, &CurrentPointController::selectPosition);
    connect(w_.traversal, &TraversalPanel::pointEdited, this, [this](const std::vector<float>& z) {
        setCurrent(z, tr("%1, edited with the sliders").arg(state_->current().label.section(',', 0, 0)), true);
    });
    connect(w_.morph, &MorphPanel::setFromSelectionRequested, this, [this](bool isA) {
        const auto& current = state_->current();
        if (current.latent.empty()) {
            Q_EMIT statusMessage(tr("Select a point on the map first."));
            return;
        }
        w_.morph->setEndpoint(isA, current.latent, current.label, current.index);
    });
    connect(w_.morph, &MorphPanel::frameRequested, this, [this](const std::vector<float>& z, double t) {
        setCurrent(z, tr("morph frame at t = %1 (%2)")
                          .arg(t, 0, 'f', 2)
                          .arg(w_.morph->mode() == latent::InterpolationMode::Spherical ? tr("slerp") : tr("linear")),
                   false);
    });
    connect(w_.neighbours, &NeighboursPanel::itemActivated, this, &CurrentPointController::selectItem);
    connect(w_.morph, &MorphPanel::stripRequested, w_.stripDecoder, &BatchDecoder::request);
    connect(w_.stripDecoder, &BatchDecoder::decoded, w_.morph, &MorphPanel::setStrip);
    connect(w_.stripDecoder, &BatchDecoder::failed, this, &CurrentPointController::statusMessage);
    connect(w_.inference, &Inference::decoded, this, [this](quint64, const latent::Image& image, double ms) {
        w_.panel->setDecoded(image, ms);
        showDecodedExtras();
    });
    connect(w_.inference, &Inference::failed, w_.panel, [this](quint64, const QString& message) {
        w_.panel->showError(message);
    });
    // An edited point's marker and neighbours follow when its image is shown: all change in
    // one repaint of the window instead of two (each costs a whole frame on llvmpipe).
    const auto showWithImage = [this](quint64 id) {
        if (id != pendingRequest_) return;
        pendingRequest_ = 0;
        showAroundCurrentPoint();
    };
    connect(w_.inference, &Inference::decoded, this, showWithImage);
    connect(w_.inference, &Inference::failed, this, showWithImage);
}

void CurrentPointController::connectAttributesAndBookmarks() {
    connect(w_.attributes, &AttributePanel::pointEdited, this,
            [this](const std::vector<float>& z, const QString& label) { setCurrent(z, label, false); });
    connect(state_, &ExplorerState::currentChanged, w_.attributes,
            [this] { w_.attributes->setBase(state_->current().latent); });
    connect(w_.bookmarks, &BookmarksPanel::addRequested, this, [this](const QString& name) {
        const auto& current = state_->current();
        if (current.latent.empty()) {
            Q_EMIT statusMessage(tr("Select a point on the map first."));
            return;
        }
        w_.bookmarks->add({(name.isEmpty() ? current.label : name).toStdString(), current.latent, current.index});
    });
    connect(w_.bookmarks, &BookmarksPanel::activated, this, &CurrentPointController::goToBookmark);
    connect(w_.traversal, &TraversalPanel::gridRequested, this, &CurrentPointController::openTraversalGrid);
}

void CurrentPointController::openTraversalGrid() {
    const auto& latent = state_->current().latent;
    if (!state_->workspace() || latent.empty()) {
        Q_EMIT statusMessage(tr("Select a point first."));
        return;
    }
    if (!state_->workspace()->model) {
        Q_EMIT statusMessage(tr("A traversal grid decodes images: open a model first."));
        return;
    }
    TraversalGridDialog::Source source{w_.inference, latent,
                                       latent::rankDimensions(w_.traversal->statistics()), {}};
    for (std::size_t d = 0; d < latent.size(); ++d) source.ranges.push_back(w_.traversal->rangeOf(d));
    auto* dialog = new TraversalGridDialog(std::move(source), w_.traversal);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TraversalGridDialog::exported, this,
            [this](const QString& path) { Q_EMIT statusMessage(tr("Exported %1.").arg(path)); });
    dialog->show();
}

void CurrentPointController::goToBookmark(const latent::Bookmark& bookmark) {
    if (!state_->workspace() || bookmark.latent.size() != state_->workspace()->latents.dim) {
        Q_EMIT statusMessage(tr("Bookmark \"%1\" belongs to a model with another latent size.")
                                 .arg(QString::fromStdString(bookmark.name)));
        return;
    }
    const auto& i = bookmark.datasetIndex;
    if (i && *i < state_->workspace()->latents.count) {
        const auto row = state_->workspace()->latents.row(*i);
        if (std::equal(row.begin(), row.end(), bookmark.latent.begin())) {
            selectItem(static_cast<qsizetype>(*i));
            return;
        }
    }
    setCurrent(bookmark.latent, QString::fromStdString(bookmark.name), false);
}

std::shared_ptr<const latent::ProjectionResult> CurrentPointController::projection() const {
    return layoutPreview_ ? nullptr : state_->projection();
}

void CurrentPointController::onWorkspaceChanged() {
    const auto& workspace = state_->workspace();
    w_.attributes->setWorkspace(workspace);
    w_.bookmarks->setModel(workspace->model);
    // A generator's uniform prior spans [-1, 1]; the standard normal's ± 3 sd.
    const bool uniformPrior = workspace->model && workspace->model->info().prior == latent::LatentPrior::Uniform;
    w_.traversal->setPriorRange(uniformPrior ? latent::TraversalRange{-1.0, 1.0} : latent::priorRange());
    w_.traversal->setStatistics(workspace->dimensions, workspace->dimensionsByKl);
    w_.neighbours->setWorkspace(workspace);
}

void CurrentPointController::mapShowsProjection() {
    layoutPreview_ = false;
    markCurrentPoint();
    Q_EMIT mapRebuilt();
}

void CurrentPointController::setLayoutPreview() {
    layoutPreview_ = true;
    markCurrentPoint();
}

void CurrentPointController::setCurrent(const std::vector<float>& latent, const QString& label, bool fromSliders) {
    if (!state_->workspace()) return;
    state_->setCurrent({latent, std::nullopt, label});
    if (!fromSliders) w_.traversal->setPoint(latent);
    w_.panel->showGenerated(label, true);
    if (state_->workspace()->model) {
        pendingRequest_ = w_.inference->request(latent);
    } else {
        showAroundCurrentPoint();
    }
}

void CurrentPointController::showAroundCurrentPoint() {
    markCurrentPoint();
    w_.neighbours->setQuery(state_->current().latent, state_->current().index);
}

void CurrentPointController::selectItem(qsizetype index) {
    if (!state_->workspace() || !state_->projection() || index < 0 || static_cast<std::size_t>(index) >= state_->workspace()->latents.count) return;
    const auto i = static_cast<std::size_t>(index);
    const auto& dataset = state_->workspace()->dataset;
    if (state_->workspace()->sampledFromPrior) {
        w_.panel->showGenerated(tr("prior sample %1 (%2)").arg(index).arg(QString::fromStdString(dataset.name)));
    } else if (!state_->workspace()->hasImages()) {
        w_.panel->showPointWithoutImage(index, QString::fromStdString(dataset.className(i)),
                                        state_->workspace()->model ? tr("A precomputed vector: its decoded image follows.")
                                                          : tr("A precomputed vector: there is no image and no decoder."));
    } else {
        w_.panel->showDatasetItem(index, QString::fromStdString(dataset.className(i)), dataset.image(i));
    }
    const auto coords = state_->projection()->coords.row(i);
    pendingRequest_ = 0;
    w_.map->setMarker(mapPosition(coords), false);
    const auto z = state_->workspace()->latents.row(i);
    state_->setCurrent({{z.begin(), z.end()}, i, labelFor(i)});
    const auto& latent = state_->current().latent;
    w_.traversal->setPoint(latent);
    w_.neighbours->setQuery(latent, i);
    if (state_->workspace()->model) w_.inference->request(latent);
    Q_EMIT statusMessage(tr("Image %1 selected.").arg(index));
}

void CurrentPointController::selectPosition(QVector3D world) {
    if (!state_->workspace() || !state_->projection()) return;
    if (!state_->workspace()->model) {
        Q_EMIT statusMessage(tr("Empty space has nothing to show without a model to decode it: click a point."));
        return;
    }
    std::vector<float> coords = {world.x(), world.y(), world.z()};
    coords.resize(state_->projection()->coords.dim);
    latent::DecodedPosition decoded;
    try {
        decoded = state_->projection()->decode(coords);
    } catch (const latent::Error& e) {
        w_.panel->showError(QString::fromStdString(e.what()));
        return;
    }
    const QString where = positionText(*state_->projection(), coords);
    w_.panel->showGenerated(tr("%1 (%2)").arg(where, inverseDescription(*state_->projection())));
    if (!decoded.exact) w_.panel->setDataDistance(decoded.spacingsFromData);
    pendingRequest_ = 0;
    w_.map->setMarker(world, true);
    state_->setCurrent({std::move(decoded.latent), std::nullopt, tr("generated at %1").arg(where)});
    const auto& latent = state_->current().latent;
    w_.traversal->setPoint(latent);
    w_.neighbours->setQuery(latent, std::nullopt);
    w_.inference->request(latent);
    Q_EMIT statusMessage(tr("Decoding the latent at %1.").arg(where));
}

std::optional<QVector3D> CurrentPointController::placeOnMap(const std::vector<float>& latent) const {
    if (!state_->projection() || layoutPreview_ || latent.empty()) return std::nullopt;
    const auto at = state_->projection()->place(latent);
    if (!at) return std::nullopt;
    return mapPosition(*at);
}

void CurrentPointController::markCurrentPoint() {
    const auto& current = state_->current();
    if (!state_->projection() || current.latent.empty()) return;
    if (current.index && *current.index < w_.map->pointCount()) {
        w_.map->setMarker(w_.map->positionOf(*current.index), false);
        return;
    }
    const auto at = placeOnMap(current.latent);
    if (!at) {  // a layout without a transform: the point has no place on this map
        w_.map->clearMarker();
        return;
    }
    w_.map->setMarker(*at, true);
}

// A VAE's uncertainty about the selected dataset item, or the dataset image nearest to a
// generator's sample. The search runs off the UI thread; only the newest one is shown.
void CurrentPointController::showDecodedExtras() {
    const auto& ws = state_->workspace();
    if (!ws) return;
    if (const auto i = state_->current().index; i && *i < ws->logvars.count) w_.panel->setUncertainty(ws->logvars.row(*i));
    if (!ws->sampledFromPrior || ws->reference.count == 0) return;
    nearestSearch_.run(
        [ws, image = w_.panel->decodedImage()](const auto&) { return latent::nearestImage(ws->reference, image); },
        [this, ws](JobOutcome<std::optional<latent::ImageMatch>> found) {
            if (ws != state_->workspace() || !found.result || !*found.result) return;
            const std::size_t i = (*found.result)->index;
            w_.panel->setNearestDatasetImage(static_cast<qsizetype>(i), QString::fromStdString(ws->reference.className(i)),
                                             ws->reference.image(i), (*found.result)->rmsDifference);
        });
}

QString CurrentPointController::labelFor(std::size_t index) const {
    const std::string name = state_->workspace() ? state_->workspace()->dataset.className(index) : std::string();
    return name.empty() ? tr("#%1").arg(index) : tr("#%1 · %2").arg(index).arg(QString::fromStdString(name));
}

}  // namespace latent::ui
