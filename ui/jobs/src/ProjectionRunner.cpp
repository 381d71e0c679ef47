#include "latent/ui/ProjectionRunner.h"

#include <chrono>

#include "latent/core/ThreadPriority.h"

namespace latent::ui {
namespace {

// Progressive layouts cost a copy on the worker and a redraw on the UI: a few per second.
constexpr auto kLayoutInterval = std::chrono::milliseconds(200);

}  // namespace

void ProjectionRunner::Preview::update(Preview&& newer) {
    fraction = newer.fraction;
    message = std::move(newer.message);
    if (newer.layout) layout = std::move(newer.layout);  // a report without one keeps the last
}

ProjectionRunner::ProjectionRunner(QObject* parent) : QObject(parent), job_(this, &pool_) {
    // A cancelled run may still be winding down when the next one starts.
    pool_.setMaxThreadCount(2);
    job_.onProgress([this](const Preview& preview) {
        Q_EMIT progress(preview.fraction, QString::fromStdString(preview.message));
        if (preview.layout) Q_EMIT layoutUpdated(*preview.layout);
    });
}

void ProjectionRunner::setSource(std::shared_ptr<const latent::LatentBatch> latents,
                                 latent::WorkspaceIdentity workspace, std::shared_ptr<latent::NeighbourGraphs> graphs) {
    job_.discard();  // it projects the old latents: nothing of it may reach the new map
    latents_ = std::move(latents);
    workspace_ = std::move(workspace);
    graphs_ = std::move(graphs);
}

latent::ProjectionKey ProjectionRunner::keyFor(const latent::ProjectionParams& params) const {
    return {workspace_, latent::normalized(params)};
}

bool ProjectionRunner::fitsSource(const latent::ProjectionResult& result) const {
    return latents_ && result.coords.count == latents_->count;
}

void ProjectionRunner::addToCache(std::shared_ptr<const latent::ProjectionResult> result) {
    if (!fitsSource(*result)) return;
    const auto key = keyFor(result->params);
    cache_.insert(key, std::move(result));
}

void ProjectionRunner::run(const latent::ProjectionParams& params) {
    job_.discard();
    const auto key = keyFor(params);
    Q_EMIT started(key.params);
    if (auto hit = cache_.find(key); hit && fitsSource(*hit)) {
        Q_EMIT finished(hit, true);
        return;
    }
    if (!latents_) {
        Q_EMIT failed(tr("Nothing to project yet."));
        return;
    }
    job_.run(
        [latents = latents_, graphs = graphs_, params = key.params](const LatestJob<Result, Preview>::Control& control) {
            latent::lowerCurrentThreadPriority();
            std::chrono::steady_clock::time_point lastLayout{};
            const auto report = [&](const latent::LatentBatch& layout, double fraction, const std::string& message) {
                Preview preview{fraction, message, std::nullopt};
                const auto now = std::chrono::steady_clock::now();
                if (layout.count > 0 && now - lastLayout >= kLayoutInterval) {
                    preview.layout = layout;
                    lastLayout = now;
                }
                return control.report(std::move(preview));
            };
            return Result(std::make_shared<const latent::ProjectionResult>(latent::project(latents, params, report, graphs.get())));
        },
        [this, key](JobOutcome<Result> outcome) { deliver(key, std::move(outcome)); });
}

void ProjectionRunner::cancel() { job_.cancel(); }

void ProjectionRunner::deliver(const latent::ProjectionKey& key, JobOutcome<Result> outcome) {
    if (outcome.cancelled) {
        Q_EMIT cancelled();
    } else if (!outcome.result) {
        Q_EMIT failed(outcome.error);
    } else if (!fitsSource(**outcome.result)) {
        Q_EMIT failed(tr("the projection has %1 points for %2 latents")
                          .arg((*outcome.result)->coords.count)
                          .arg(latents_ ? latents_->count : 0));
    } else {
        cache_.insert(key, *outcome.result);
        Q_EMIT finished(*outcome.result, false);
    }
}

}  // namespace latent::ui
