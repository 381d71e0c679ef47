#include "latent/ui/LiveDecoder.h"

#include <QMetaObject>
#include <chrono>

#include "latent/core/Error.h"

namespace latent::ui {

LiveDecoder::LiveDecoder(QObject* parent) : QObject(parent), worker_([this] { run(); }) {}

LiveDecoder::~LiveDecoder() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        pending_.reset();
    }
    wake_.notify_one();
    worker_.join();
}

void LiveDecoder::setModel(std::shared_ptr<const latent::Model> model) { model_ = std::move(model); }

quint64 LiveDecoder::request(std::vector<float> latent) {
    const quint64 id = ++latest_;
    {
        std::lock_guard lock(mutex_);
        pending_ = Job{id, std::move(latent), model_};
    }
    wake_.notify_one();
    return id;
}

void LiveDecoder::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || pending_.has_value(); });
            if (stopping_) return;
            job = std::move(*pending_);
            pending_.reset();
        }
        if (!job.model) {
            deliver(job.id, {}, 0.0, tr("No model is loaded."));
            continue;
        }
        try {
            const auto start = std::chrono::steady_clock::now();
            latent::LatentBatch z(1, job.latent.size());
            z.values = std::move(job.latent);
            auto images = job.model->decode(z);
            const double ms =
                std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
            deliver(job.id, std::move(images.front()), ms, {});
        } catch (const std::exception& e) {
            deliver(job.id, {}, 0.0, QString::fromStdString(e.what()));
        }
    }
}

// Hands a result to the UI thread; it is dropped there if a newer request exists.
void LiveDecoder::deliver(quint64 id, latent::Image image, double ms, QString error) {
    QMetaObject::invokeMethod(
        this,
        [this, id, image = std::move(image), ms, error = std::move(error)] {
            if (id != latest_) return;
            if (error.isEmpty()) {
                Q_EMIT decoded(id, image, ms);
            } else {
                Q_EMIT failed(id, error);
            }
        },
        Qt::QueuedConnection);
}

}  // namespace latent::ui
