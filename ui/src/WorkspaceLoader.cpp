#include "latent/ui/WorkspaceLoader.h"

#include <QPromise>
#include <QtConcurrent/QtConcurrentRun>

#include "latent/core/Error.h"

namespace latent::ui {

namespace {
constexpr int kProgressSteps = 1000;
}

WorkspaceLoader::WorkspaceLoader(QObject* parent) : QObject(parent) {
    connect(&watcher_, &QFutureWatcher<Outcome>::progressValueChanged, this, [this](int value) {
        Q_EMIT progress(static_cast<double>(value) / kProgressSteps, watcher_.progressText());
    });
    connect(&watcher_, &QFutureWatcher<Outcome>::finished, this, &WorkspaceLoader::onFinished);
}

WorkspaceLoader::~WorkspaceLoader() {
    watcher_.cancel();
    watcher_.waitForFinished();
}

void WorkspaceLoader::start(const latent::WorkspaceRequest& request) {
    cancel();
    watcher_.waitForFinished();
    watcher_.setFuture(QtConcurrent::run([request](QPromise<Outcome>& promise) {
        promise.setProgressRange(0, kProgressSteps);
        Outcome outcome;
        try {
            auto workspace = latent::buildWorkspace(request, [&](double f, const std::string& msg) {
                promise.setProgressValueAndText(static_cast<int>(f * kProgressSteps),
                                                QString::fromStdString(msg));
                return !promise.isCanceled();
            });
            outcome.workspace = std::make_shared<latent::Workspace>(std::move(workspace));
        } catch (const latent::DatasetNeedsResize& e) {
            outcome.resizeOffer = {e.datasetShape, e.modelShape};
            outcome.error = QString::fromStdString(e.what());
        } catch (const latent::Error& e) {
            outcome.cancelled = e.kind() == latent::ErrorKind::Cancelled;
            outcome.error = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        promise.addResult(std::move(outcome));
    }));
}

void WorkspaceLoader::cancel() {
    if (watcher_.isRunning()) watcher_.cancel();
}

bool WorkspaceLoader::isRunning() const { return watcher_.isRunning(); }

void WorkspaceLoader::onFinished() {
    const auto future = watcher_.future();
    if (future.resultCount() == 0) {  // cancelled before the job could report
        Q_EMIT cancelled();
        return;
    }
    const Outcome outcome = future.result();
    if (outcome.workspace) {
        Q_EMIT finished(outcome.workspace);
    } else if (outcome.cancelled) {
        Q_EMIT cancelled();
    } else if (outcome.resizeOffer) {
        Q_EMIT resizeNeeded(outcome.resizeOffer->first, outcome.resizeOffer->second);
    } else {
        Q_EMIT failed(outcome.error);
    }
}

}  // namespace latent::ui
