#pragma once

#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <utility>

#include "latent/core/Workspace.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

// Builds a Workspace (load, encode, project) on a worker thread with progress and cancel.
// A new load supersedes the one in flight: that one is told to stop and nothing of it is
// reported, so the UI never waits for it.
class WorkspaceLoader : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceLoader(QObject* parent = nullptr);

    void start(const latent::WorkspaceRequest& request);
    void cancel();
    bool isRunning() const { return job_.isRunning(); }

Q_SIGNALS:
    void progress(double fraction, const QString& message);
    void finished(std::shared_ptr<latent::Workspace> workspace);
    // `details`: what lies behind the one-line message (e.g. a traceback); may be empty.
    void failed(const QString& message, const QString& details);
    void cancelled();
    // The request did not allow resizing and the dataset's images need it (and can have it).
    void resizeNeeded(const latent::ImageShape& datasetShape, const latent::ImageShape& modelShape);

private:
    // A workspace, or the resize that the request did not allow.
    struct Loaded {
        std::shared_ptr<latent::Workspace> workspace;
        std::optional<std::pair<latent::ImageShape, latent::ImageShape>> resizeOffer;
    };
    void deliver(JobOutcome<Loaded> outcome);

    LatestJob<Loaded> job_;
};

}  // namespace latent::ui
