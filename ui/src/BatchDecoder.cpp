#include "latent/ui/BatchDecoder.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace latent::ui {

BatchDecoder::BatchDecoder(QObject* parent) : QObject(parent) {}

BatchDecoder::~BatchDecoder() = default;

void BatchDecoder::request(const latent::LatentBatch& latents) {
    if (!model_ || latents.count == 0) return;
    const quint64 id = ++latest_;
    // The watcher is our child: if we die first, it goes with us and the late result is
    // simply never delivered (the task keeps the model alive through its own pointer).
    auto* watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcher<Outcome>::finished, this, [this, watcher, id] {
        watcher->deleteLater();
        if (id != latest_) return;
        const Outcome outcome = watcher->result();
        if (outcome.error.isEmpty()) {
            Q_EMIT decoded(outcome.images);
        } else {
            Q_EMIT failed(outcome.error);
        }
    });
    watcher->setFuture(QtConcurrent::run([model = model_, latents] {
        Outcome outcome;
        try {
            outcome.images = model->decode(latents);
        } catch (const std::exception& e) {
            outcome.error = QString::fromStdString(e.what());
        }
        return outcome;
    }));
}

}  // namespace latent::ui
