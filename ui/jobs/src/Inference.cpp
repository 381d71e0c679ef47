#include "latent/ui/Inference.h"

#include <QMetaObject>

namespace latent::ui {
namespace {

// Rows per engine chunk: a live decode waits at most one chunk behind a batch.
constexpr std::size_t kChunkRows = 16;

}  // namespace

Inference::Inference(QObject* parent)
    : QObject(parent),
      engine_(std::make_shared<latent::InferenceEngine>(
          [this](latent::LiveResult result) { deliver(std::move(result)); })) {
    // Waiting costs no CPU: enough threads that a grid or export never holds up a strip.
    waiting_.setMaxThreadCount(4);
}

// The engine stops delivering live results to this object, and the batches of the jobs
// still on the waiting pool stop at their next chunk, so the pool's wait is short (jobs
// may keep the engine a little longer).
Inference::~Inference() {
    engine_->closeLive();
    closing_.request_stop();
}

void Inference::setModel(std::shared_ptr<const latent::Model> model) {
    engine_->setModel(std::move(model));
}

void Inference::setThreads(int threads) {
    engine_->setThreads(threads);
}

quint64 Inference::request(std::vector<float> latent) {
    latest_ = engine_->requestLive(std::move(latent));
    return latest_;
}

Inference::BatchDecode Inference::batchDecoder() const {
    return [engine = engine_, closing = closing_.get_token()](const latent::LatentBatch& latents,
                                                             std::stop_token stop) {
        std::stop_source either;  // the job's stop, or this object going
        const std::stop_callback jobStops(stop, [&either] { either.request_stop(); });
        const std::stop_callback windowCloses(closing, [&either] { either.request_stop(); });
        return engine->decodeBatch(latents, kChunkRows, {}, either.get_token()).get();
    };
}

Inference::BatchEncode Inference::batchEncoder() const {
    return [engine = engine_, closing = closing_.get_token()](std::shared_ptr<const latent::Dataset> images,
                                                             std::stop_token stop) {
        std::stop_source either;  // the job's stop, or this object going
        const std::stop_callback jobStops(stop, [&either] { either.request_stop(); });
        const std::stop_callback windowCloses(closing, [&either] { either.request_stop(); });
        return engine->encodeDataset(std::move(images), kChunkRows, {}, either.get_token()).get();
    };
}

// Runs on the engine's worker: hands the result to the UI thread, where it is dropped if a
// newer request exists by then.
void Inference::deliver(latent::LiveResult result) {
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            if (result.id != latest_) return;
            if (result.error.empty()) {
                Q_EMIT decoded(result.id, result.image, result.milliseconds);
            } else {
                Q_EMIT failed(result.id, tr("Decoding failed: %1").arg(QString::fromStdString(result.error)));
            }
        },
        Qt::QueuedConnection);
}

}  // namespace latent::ui
