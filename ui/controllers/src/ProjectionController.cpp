#include "latent/ui/ProjectionController.h"

#include "latent/core/Workspace.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/LayoutPreviewPacer.h"
#include "latent/ui/MapHighlights.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/ProjectionQualityMeter.h"
#include "latent/ui/ProjectionRunner.h"
#include "latent/ui/ProjectionText.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

ProjectionController::ProjectionController(ExplorerState* state, Views views, QObject* parent)
    : QObject(parent),
      state_(state),
      v_(views),
      runner_(new ProjectionRunner(this)),
      quality_(new ProjectionQualityMeter(this)),
      pacer_(new LayoutPreviewPacer(views.map->view(), this)) {
    connect(state_, &ExplorerState::workspaceChanged, this, &ProjectionController::onWorkspaceChanged);
    connect(v_.panel, &ProjectionPanel::cancelRequested, this, &ProjectionController::cancel);
    connectRunner();
    connectQuality();
}

void ProjectionController::connectRunner() {
    connect(runner_, &ProjectionRunner::started, this, [this](const latent::ProjectionParams& p) {
        v_.panel->setRunning(true);
        running_ = true;
        v_.map->resetCamera();  // the previews are framed until the user moves the camera
        // The panel speaks of the run, not of the map it replaces.
        v_.panel->setSummary(tr("Computing %1…").arg(QString::fromStdString(latent::describe(p))));
        v_.panel->setQuality({});
        // The map shows this run's previews from now on: its title says so.
        if (const auto latents = state_->latents(); latents && state_->workspace()) {
            Q_EMIT titleChanged(runningMapTitle(p, latents->count, state_->workspace()->dataset));
        }
        Q_EMIT started(tr("Projecting: %1…").arg(QString::fromStdString(latent::describe(p))));
    });
    connect(runner_, &ProjectionRunner::progress, this, &ProjectionController::progress);
    connect(runner_, &ProjectionRunner::layoutUpdated, pacer_, &LayoutPreviewPacer::offer);
    connect(runner_, &ProjectionRunner::finished, pacer_, &LayoutPreviewPacer::stop);
    connect(runner_, &ProjectionRunner::failed, pacer_, &LayoutPreviewPacer::stop);
    connect(runner_, &ProjectionRunner::cancelled, pacer_, &LayoutPreviewPacer::stop);
    connect(pacer_, &LayoutPreviewPacer::due, this, &ProjectionController::showPreview);
    connect(runner_, &ProjectionRunner::finished, this, &ProjectionController::show);
    connect(runner_, &ProjectionRunner::failed, this, &ProjectionController::onFailed);
    connect(runner_, &ProjectionRunner::cancelled, this, &ProjectionController::onCancelled);
}

void ProjectionController::connectQuality() {
    connect(quality_, &ProjectionQualityMeter::measuring, this, [this](const latent::ProjectionResult* r) {
        if (r != state_->projection().get()) return;
        shownQuality_ = tr("Measuring how faithful this map is…");
        if (!running_) v_.panel->setQuality(shownQuality_);
    });
    connect(quality_, &ProjectionQualityMeter::measured, this,
            [this](const latent::ProjectionResult* r, const ProjectionQualityScores& scores) {
                if (r != state_->projection().get()) return;
                shownQuality_ = ProjectionQualityMeter::describe(scores);
                qualityBrief_ = ProjectionQualityMeter::brief(scores);
                if (running_) return;  // never over a running projection's lines and title
                v_.panel->setQuality(shownQuality_);
                Q_EMIT titleChanged(shownTitle());
            });
}

void ProjectionController::onWorkspaceChanged() {
    // Latent axes default to the most active dimensions, never a collapsed one.
    v_.panel->setLatentDim(static_cast<int>(state_->workspace()->latents.dim),
                           latent::rankDimensions(state_->workspace()->dimensions));
    runner_->setSource(state_->latents(), state_->identity(), state_->workspace()->graphs);
    seedCache();  // the workspace's own PCA maps: PCA shows at once
}

// The workspace already holds PCA maps in 2D and 3D: offer them as finished projections.
void ProjectionController::seedCache() {
    const auto& ws = *state_->workspace();
    for (int dims : {2, 3}) {
        if (ws.pca(dims).components() != static_cast<std::size_t>(dims)) continue;
        latent::ProjectionParams p = v_.panel->params();
        p.method = latent::ProjectionMethod::Pca;
        p.dims = dims;
        runner_->addToCache(std::make_shared<const latent::ProjectionResult>(
            latent::pcaProjection(ws.pca(dims), ws.coords(dims), p, ws.projectSeconds / 2)));
    }
}

void ProjectionController::run() {
    if (state_->workspace()) runner_->run(v_.panel->params());
}

void ProjectionController::cancel() { runner_->cancel(); }

void ProjectionController::showPreview(const latent::LatentBatch& layout) {
    if (layout.count != state_->colours().size()) return;
    if (!v_.map->movePoints(layout, ScatterMap::Motion::Glide)) v_.map->setPoints(layout, state_->colours());
    v_.current->setLayoutPreview();
    v_.highlights->refresh();  // the neighbour rings and search matches follow their points
}

QString ProjectionController::shownTitle() const {
    const QString title = mapTitle(*state_->projection(), state_->workspace()->dataset);
    return qualityBrief_.isEmpty() ? title : title + " · " + qualityBrief_;
}

void ProjectionController::show(std::shared_ptr<const latent::ProjectionResult> result, bool fromCache) {
    v_.panel->setRunning(false);
    running_ = false;
    if (!state_->fits(*result)) return;  // the runner refuses these: never a map of other points
    // Before the state says so: layers follow the map. A fresh run's final layout keeps a
    // view the user zoomed or panned to while its previews showed.
    // The points glide from the map before (PCA, or the last preview) to this one.
    v_.map->setPoints(result->coords, state_->colours(),
                      fromCache ? ScatterMap::Camera::Fit : ScatterMap::Camera::KeepWhereMoved,
                      ScatterMap::Motion::Glide);
    v_.map->setAxisTitles(axisTitles(result->params));
    state_->setProjection(std::move(result));  // the current point and the rings go back on the map
    const auto& shown = *state_->projection();
    qualityBrief_.clear();
    shownQuality_.clear();
    Q_EMIT titleChanged(shownTitle());
    v_.panel->setQuality({});
    const QString how = fromCache ? tr("cached; computed in %1 s") : tr("computed in %1 s");
    const QString described = QString::fromStdString(latent::describe(shown.params));
    shownSummary_ = described + ": " + how.arg(shown.seconds, 0, 'f', 3);
    v_.panel->setSummary(shownSummary_);
    quality_->measure(state_->latents(), state_->projection(), v_.panel->params().threads);
    Q_EMIT this->shown(tr("Showing %1.").arg(described));
}

// A run that ended without a map of its own: the panel speaks of the map on show again.
void ProjectionController::endRunWithoutMap() {
    v_.panel->setRunning(false);
    running_ = false;
    v_.panel->setSummary(shownSummary_);
    v_.panel->setQuality(shownQuality_);
}

void ProjectionController::onFailed(const QString& message) {
    endRunWithoutMap();
    Q_EMIT failed(message);
    if (state_->projection()) Q_EMIT titleChanged(shownTitle());
    if (!state_->projection() && state_->workspace()) {  // never leave the map empty: fall back to PCA
        auto p = v_.panel->params();
        p.method = latent::ProjectionMethod::Pca;
        v_.panel->setParams(p);
        run();
    }
}

void ProjectionController::onCancelled() {
    endRunWithoutMap();
    Q_EMIT cancelled();
    if (!state_->projection()) return;
    Q_EMIT titleChanged(shownTitle());
    v_.map->setPoints(state_->projection()->coords, state_->colours(), ScatterMap::Camera::Fit,
                      ScatterMap::Motion::Glide);
    v_.current->mapShowsProjection();
    v_.highlights->refresh();  // the rings left where the last preview put their points
}

}  // namespace latent::ui
