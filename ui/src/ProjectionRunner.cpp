#include "latent/ui/ProjectionRunner.h"

#include <QMetaObject>
#include <QtConcurrent/QtConcurrentRun>
#include <atomic>
#include <chrono>
#include <mutex>
#include <optional>

#include "latent/core/Error.h"
#include "latent/core/ThreadPriority.h"

namespace latent::ui {
namespace {

// Progressive layouts cost a copy on the worker and a redraw on the UI: a few per second.
constexpr auto kLayoutInterval = std::chrono::milliseconds(200);

}  // namespace

// State shared by the worker and the UI thread for one run.
struct ProjectionRunner::Job {
    latent::ProjectionKey key;
    std::shared_ptr<const latent::LatentBatch> latents;
    std::atomic<bool> cancel{false};

    std::mutex mutex;  // guards everything below
    double fraction = 0.0;
    std::string message;
    std::optional<latent::LatentBatch> layout;  // newest layout not yet shown
    bool progressPosted = false;
    std::chrono::steady_clock::time_point lastLayout{};
    std::shared_ptr<const latent::ProjectionResult> result;
    QString error;
    bool wasCancelled = false;
};

ProjectionRunner::ProjectionRunner(QObject* parent) : QObject(parent) {
    // A cancelled job may still be winding down when the next one starts.
    pool_.setMaxThreadCount(2);
}

ProjectionRunner::~ProjectionRunner() {
    if (running_) running_->cancel = true;
    for (auto& f : work_) f.waitForFinished();
}

void ProjectionRunner::setSource(std::shared_ptr<const latent::LatentBatch> latents,
                                 std::string datasetId, std::string modelId) {
    cancel();
    latents_ = std::move(latents);
    datasetId_ = std::move(datasetId);
    modelId_ = std::move(modelId);
}

latent::ProjectionKey ProjectionRunner::keyFor(const latent::ProjectionParams& params) const {
    return {datasetId_, modelId_, latent::normalized(params)};
}

void ProjectionRunner::addToCache(std::shared_ptr<const latent::ProjectionResult> result) {
    const auto key = keyFor(result->params);
    cache_.insert(key, std::move(result));
}

void ProjectionRunner::run(const latent::ProjectionParams& params) {
    if (running_) {
        running_->cancel = true;
        running_.reset();
    }
    std::erase_if(work_, [](const QFuture<void>& f) { return f.isFinished(); });
    const auto key = keyFor(params);
    Q_EMIT started(key.params);
    if (auto hit = cache_.find(key)) {
        Q_EMIT finished(hit, true);
        return;
    }
    if (!latents_) {
        Q_EMIT failed(tr("Nothing to project yet."));
        return;
    }
    auto job = std::make_shared<Job>();
    job->key = key;
    job->latents = latents_;
    running_ = job;
    work_.push_back(QtConcurrent::run(&pool_, [this, job] {
        latent::lowerCurrentThreadPriority();
        const auto callback = [this, job](const latent::LatentBatch& layout, double fraction,
                                          const std::string& message) {
            if (job->cancel) return false;
            std::lock_guard lock(job->mutex);
            job->fraction = fraction;
            job->message = message;
            const auto now = std::chrono::steady_clock::now();
            if (layout.count > 0 && now - job->lastLayout >= kLayoutInterval) {
                job->layout = layout;
                job->lastLayout = now;
            }
            if (!job->progressPosted) {  // one notice in flight at a time: the UI takes the newest
                job->progressPosted = true;
                QMetaObject::invokeMethod(this, [this, job] { deliverProgress(job); }, Qt::QueuedConnection);
            }
            return true;
        };
        std::shared_ptr<const latent::ProjectionResult> result;
        QString error;
        bool wasCancelled = false;
        try {
            result = std::make_shared<const latent::ProjectionResult>(
                latent::project(job->latents, job->key.params, callback));
        } catch (const latent::Error& e) {
            wasCancelled = e.kind() == latent::ErrorKind::Cancelled;
            error = QString::fromStdString(e.what());
        } catch (const std::exception& e) {
            error = QString::fromStdString(e.what());
        }
        {
            std::lock_guard lock(job->mutex);
            job->result = std::move(result);
            job->error = error;
            job->wasCancelled = wasCancelled;
        }
        QMetaObject::invokeMethod(this, [this, job] { deliverEnd(job); }, Qt::QueuedConnection);
    }));
}

void ProjectionRunner::cancel() {
    if (running_) running_->cancel = true;
}

void ProjectionRunner::deliverProgress(const std::shared_ptr<Job>& job) {
    std::optional<latent::LatentBatch> layout;
    double fraction = 0.0;
    QString message;
    {
        std::lock_guard lock(job->mutex);
        job->progressPosted = false;
        layout.swap(job->layout);
        fraction = job->fraction;
        message = QString::fromStdString(job->message);
    }
    if (job != running_) return;  // superseded
    Q_EMIT progress(fraction, message);
    if (layout) Q_EMIT layoutUpdated(*layout);
}

void ProjectionRunner::deliverEnd(const std::shared_ptr<Job>& job) {
    if (job != running_) return;  // superseded or cancelled by a newer run
    running_.reset();
    std::shared_ptr<const latent::ProjectionResult> result;
    QString error;
    bool wasCancelled = false;
    {
        std::lock_guard lock(job->mutex);
        result = job->result;
        error = job->error;
        wasCancelled = job->wasCancelled || job->cancel;
    }
    if (result) {
        cache_.insert(job->key, result);
        Q_EMIT finished(result, false);
    } else if (wasCancelled) {
        Q_EMIT cancelled();
    } else {
        Q_EMIT failed(error);
    }
}

}  // namespace latent::ui
