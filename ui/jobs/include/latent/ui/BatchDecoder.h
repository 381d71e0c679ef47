#pragma once

#include <QObject>
#include <QString>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

class Inference;

// Decodes a batch of latents on the window's inference engine and hands the images to the
// UI thread. Only the newest request's result is delivered: an older batch is cancelled
// (the engine skips what it has not decoded yet), so a strip never shows frames of a
// superseded morph.
class BatchDecoder : public QObject {
    Q_OBJECT
public:
    BatchDecoder(Inference* inference, QObject* parent);

    void request(const latent::LatentBatch& latents);
    // Drops the request in flight: nothing of it is delivered.
    void discard() { job_.discard(); }

Q_SIGNALS:
    void decoded(const std::vector<latent::Image>& images);
    void failed(const QString& message);

private:
    Inference* inference_;
    LatestJob<std::vector<latent::Image>> job_;
};

}  // namespace latent::ui
