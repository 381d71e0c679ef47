// MainWindow's model settings: the prior sample of a generator-only model, inference
// threads, image scaling, and the offer to resize a dataset that does not fit.
#include <QLabel>

#include "latent/ui/ElidedLabel.h"
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
}

}  // namespace latent::ui
