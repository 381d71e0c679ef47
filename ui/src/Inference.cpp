#include "latent/ui/LiveDecoder.h"

#include <QMetaObject>

namespace latent::ui {

LiveDecoder::LiveDecoder(QObject* parent)
    : QObject(parent),
      engine_(std::make_unique<latent::InferenceEngine>(
          [this](latent::LiveResult result) { deliver(std::move(result)); })) {}

// The engine (and its worker) goes first, so no result arrives for a dead object.
LiveDecoder::~LiveDecoder() {
    engine_.reset();
}

void LiveDecoder::setModel(std::shared_ptr<const latent::Model> model) {
    engine_->setModel(std::move(model));
}

void LiveDecoder::setThreads(int threads) {
    engine_->setThreads(threads);
}

quint64 LiveDecoder::request(std::vector<float> latent) {
    latest_ = engine_->requestLive(std::move(latent));
    return latest_;
}

// Runs on the worker: hands the result to the UI thread, where it is dropped if a newer
// request exists by then.
void LiveDecoder::deliver(latent::LiveResult result) {
    QMetaObject::invokeMethod(
        this,
        [this, result = std::move(result)] {
            if (result.id != latest_) return;
            if (result.error.empty()) {
                Q_EMIT decoded(result.id, result.image, result.milliseconds);
            } else {
                Q_EMIT failed(result.id,
                              tr("Decoding failed: %1").arg(QString::fromStdString(result.error)));
            }
        },
        Qt::QueuedConnection);
}

}  // namespace latent::ui
