// MainWindow's model settings and what depends on the kind of model: the prior sample of a
// generator-only model, inference threads, image scaling, the offer to resize a dataset that
// does not fit, a VAE's uncertainty and a generator's nearest dataset image.
#include <QLabel>
#include <memory>

#include "latent/core/NearestImage.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/ModelInfoPanel.h"
#include "latent/ui/ModelSettingsPanel.h"
#include "latent/ui/ResizeOffer.h"
#include "latent/ui/WorkspaceLoader.h"

namespace latent::ui {

void MainWindow::connectModelSettings() {
    auto* settings = modelInfo_->settings();
    settings->setThreads(inference_->engine().threads());
    connect(settings, &ModelSettingsPanel::threadsChanged, this, &MainWindow::setInferenceThreads);
    connect(settings, &ModelSettingsPanel::smoothScalingChanged, panel_, &ImagePanel::setSmoothScaling);
    connect(settings, &ModelSettingsPanel::priorRequested, this, [this](int samples, quint64 seed) {
        latent::WorkspaceRequest request = request_;
        request.identity.priorSamples = static_cast<std::size_t>(samples);
        request.identity.priorSeed = seed;
        load(request);
    });
    connect(this, &MainWindow::workspaceReady, settings, [this, settings] {
        settings->setPrior(state_->workspace()->sampledFromPrior, request_.identity.priorSamples, request_.identity.priorSeed);
    });
    connect(loader_, &WorkspaceLoader::resizeNeeded, this,
            [this](const latent::ImageShape& datasetShape, const latent::ImageShape& modelShape) {
                offerResize(this, datasetShape, modelShape, loading_.identity.resizeFilter, [this](bool resize) {
                    if (resize) {
                        latent::WorkspaceRequest request = loading_;
                        request.resizeToFit = true;
                        load(request);
                        return;
                    }
                    setBusy(false);
                    status_->setText(state_->workspace() ? tr("Not opened: the dataset does not fit %1; the previous model stays.")
                                                      .arg(QString::fromStdString(loading_.identity.modelPath.filename().string()))
                                                : tr("Not opened: the dataset does not fit the model."));
                    Q_EMIT loadFailed(status_->text());
                });
            });
    // Connected after the decoded image reaches the panel: these add to it.
    connect(inference_, &Inference::decoded, this, &MainWindow::showModelSpecifics);
}

// A VAE's uncertainty about the selected dataset item, or the dataset image nearest to a
// generator's sample. The search runs off the UI thread; only the newest one is shown.
void MainWindow::showModelSpecifics() {
    if (!state_->workspace()) return;
    if (const auto i = state_->current().index; i && *i < state_->workspace()->logvars.count) {
        panel_->setUncertainty(state_->workspace()->logvars.row(*i));
    }
    if (!state_->workspace()->sampledFromPrior || state_->workspace()->reference.count == 0) return;
    std::shared_ptr<const latent::Workspace> ws = state_->workspace();
    nearestSearch_.run([ws, image = panel_->decodedImage()](const auto&) { return latent::nearestImage(ws->reference, image); },
                       [this, ws](JobOutcome<std::optional<latent::ImageMatch>> found) {
                           if (ws != state_->workspace() || !found.result || !*found.result) return;
                           const std::size_t i = (*found.result)->index;
                           panel_->setNearestDatasetImage(static_cast<qsizetype>(i),
                                                          QString::fromStdString(ws->reference.className(i)),
                                                          ws->reference.image(i), (*found.result)->rmsDifference);
                       });
}

}  // namespace latent::ui
