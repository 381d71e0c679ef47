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

// Jobs still waiting are cancelled by their owners; the engine stops delivering live
// results to this object before it goes (jobs may keep the engine a little longer).
Inference::~Inference() {
    engine_->closeLive();
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
    return [engine = engine_](const latent::LatentBatch& latents, std::stop_token stop) {
        return engine->decodeBatch(latents, kChunkRows, {}, std::move(stop)).get();
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
