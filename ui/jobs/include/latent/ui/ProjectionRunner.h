#pragma once

#include <QObject>
#include <QString>
#include <QThreadPool>
#include <memory>
#include <optional>
#include <string>

#include "latent/core/LatentBatch.h"
#include "latent/core/ProjectionCache.h"
#include "latent/core/Projector.h"
#include "latent/core/WorkspaceIdentity.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

// Runs projections on a worker thread, one at a time from the UI's point of view: a new
// run supersedes the one in flight (which is cancelled and whose results are dropped).
// Layouts in progress reach the UI at most a few times per second, latest-wins. Finished
// results are cached per (workspace identity, parameters), so asking again is instant; a
// result whose point count is not the latents' is never shown nor cached.
class ProjectionRunner : public QObject {
    Q_OBJECT
public:
    explicit ProjectionRunner(QObject* parent = nullptr);

    // The latents to project, the workspace they belong to (what identifies them in the
    // cache) and their neighbour graphs (UMAP takes its graph from there).
    void setSource(std::shared_ptr<const latent::LatentBatch> latents, latent::WorkspaceIdentity workspace,
                   std::shared_ptr<latent::NeighbourGraphs> graphs);
    // Puts a result computed elsewhere into the cache (e.g. the workspace's PCA maps).
    void addToCache(std::shared_ptr<const latent::ProjectionResult> result);
    // A cached result is delivered before this returns; otherwise a worker starts.
    void run(const latent::ProjectionParams& params);
    void cancel();
    bool isRunning() const { return job_.isRunning(); }

Q_SIGNALS:
    void started(const latent::ProjectionParams& params);
    void progress(double fraction, const QString& message);
    void layoutUpdated(const latent::LatentBatch& layout);
    void finished(std::shared_ptr<const latent::ProjectionResult> result, bool fromCache);
    void failed(const QString& message);
    void cancelled();

private:
    // What a run reports: how far it is, and the newest layout the UI has not drawn yet.
    struct Preview {
        double fraction = 0.0;
        std::string message;
        std::optional<latent::LatentBatch> layout;
        void update(Preview&& newer);
    };
    using Result = std::shared_ptr<const latent::ProjectionResult>;

    latent::ProjectionKey keyFor(const latent::ProjectionParams& params) const;
    bool fitsSource(const latent::ProjectionResult& result) const;
    void deliver(const latent::ProjectionKey& key, JobOutcome<Result> outcome);

    std::shared_ptr<const latent::LatentBatch> latents_;
    std::shared_ptr<latent::NeighbourGraphs> graphs_;
    latent::WorkspaceIdentity workspace_;
    latent::ProjectionCache cache_;
    // Projections run on their own threads, at a lower OS priority (kept for this work only,
    // as it cannot be raised again), so the UI and live decoding stay responsive. Declared
    // before the job: it outlives every run.
    QThreadPool pool_;
    LatestJob<Result, Preview> job_;
};

}  // namespace latent::ui
