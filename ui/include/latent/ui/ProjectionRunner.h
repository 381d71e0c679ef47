#pragma once

#include <QFuture>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/ProjectionCache.h"
#include "latent/core/Projector.h"

namespace latent::ui {

// Runs projections on a worker thread, one at a time from the UI's point of view: a new
// run supersedes the one in flight (which is cancelled and whose results are dropped).
// Layouts in progress reach the UI at most a few times per second, latest-wins. Finished
// results are cached per (dataset, model, parameters), so asking again is instant.
class ProjectionRunner : public QObject {
    Q_OBJECT
public:
    explicit ProjectionRunner(QObject* parent = nullptr);
    ~ProjectionRunner() override;

    // The latents to project and what identifies them in the cache.
    void setSource(std::shared_ptr<const latent::LatentBatch> latents, std::string datasetId,
                   std::string modelId);
    // Puts a result computed elsewhere into the cache (e.g. the workspace's PCA maps).
    void addToCache(std::shared_ptr<const latent::ProjectionResult> result);
    // A cached result is delivered before this returns; otherwise a worker starts.
    void run(const latent::ProjectionParams& params);
    void cancel();
    bool isRunning() const { return running_ != nullptr; }

Q_SIGNALS:
    void started(const latent::ProjectionParams& params);
    void progress(double fraction, const QString& message);
    void layoutUpdated(const latent::LatentBatch& layout);
    void finished(std::shared_ptr<const latent::ProjectionResult> result, bool fromCache);
    void failed(const QString& message);
    void cancelled();

private:
    struct Job;
    void deliverProgress(const std::shared_ptr<Job>& job);
    void deliverEnd(const std::shared_ptr<Job>& job);
    latent::ProjectionKey keyFor(const latent::ProjectionParams& params) const;

    std::shared_ptr<const latent::LatentBatch> latents_;
    std::string datasetId_;
    std::string modelId_;
    latent::ProjectionCache cache_;
    std::shared_ptr<Job> running_;     // the job whose results the UI wants
    // Projections run on their own threads, at a lower OS priority (kept for this work only,
    // as it cannot be raised again), so the UI and live decoding stay responsive.
    QThreadPool pool_;
    std::vector<QFuture<void>> work_;  // every job still on a worker (joined on destruction)
};

}  // namespace latent::ui
