#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QString>
#include <memory>
#include <optional>
#include <utility>

#include "latent/core/Workspace.h"

namespace latent::ui {

// Builds a Workspace (load, encode, project) on a worker thread with progress and cancel.
class WorkspaceLoader : public QObject {
    Q_OBJECT
public:
    explicit WorkspaceLoader(QObject* parent = nullptr);
    ~WorkspaceLoader() override;

    void start(const latent::WorkspaceRequest& request);
    void cancel();
    bool isRunning() const;

Q_SIGNALS:
    void progress(double fraction, const QString& message);
    void finished(std::shared_ptr<latent::Workspace> workspace);
    void failed(const QString& message);
    void cancelled();
    // The request did not allow resizing and the dataset's images need it (and can have it).
    void resizeNeeded(const latent::ImageShape& datasetShape, const latent::ImageShape& modelShape);

private:
    struct Outcome {
        std::shared_ptr<latent::Workspace> workspace;
        QString error;
        bool cancelled = false;
        std::optional<std::pair<latent::ImageShape, latent::ImageShape>> resizeOffer;
    };
    void onFinished();

    QFutureWatcher<Outcome> watcher_;
};

}  // namespace latent::ui
