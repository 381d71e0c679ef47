#include "latent/ui/WorkspaceLoader.h"

#include "latent/core/ThreadPriority.h"

namespace latent::ui {

WorkspaceLoader::WorkspaceLoader(QObject* parent) : QObject(parent), job_(this) {
    job_.onProgress([this](const JobProgress& p) { Q_EMIT progress(p.fraction, QString::fromStdString(p.message)); });
}

void WorkspaceLoader::start(const latent::WorkspaceRequest& request) {
    job_.run(
        [request](const LatestJob<Loaded>::Control& control) {
            // Opening LibTorch (its static initialisation) and encoding would otherwise take
            // the core the window needs: on 2 cores the event loop stalled over 100 ms.
            latent::lowerCurrentThreadPriority();
            Loaded loaded;
            try {
                loaded.workspace = std::make_shared<latent::Workspace>(latent::buildWorkspace(
                    request, reporting(control)));
            } catch (const latent::DatasetNeedsResize& e) {
                loaded.resizeOffer = {e.datasetShape, e.modelShape};
            }
            return loaded;
        },
        [this](JobOutcome<Loaded> outcome) { deliver(std::move(outcome)); });
}

void WorkspaceLoader::cancel() { job_.cancel(); }

void WorkspaceLoader::deliver(JobOutcome<Loaded> outcome) {
    if (outcome.cancelled) {
        Q_EMIT cancelled();
    } else if (!outcome.result) {
        Q_EMIT failed(outcome.error, outcome.errorDetails);
    } else if (outcome.result->resizeOffer) {
        Q_EMIT resizeNeeded(outcome.result->resizeOffer->first, outcome.result->resizeOffer->second);
    } else {
        Q_EMIT finished(outcome.result->workspace);
    }
}

}  // namespace latent::ui
