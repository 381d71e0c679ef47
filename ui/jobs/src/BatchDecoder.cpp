#include "latent/ui/BatchDecoder.h"

#include "latent/ui/Inference.h"

namespace latent::ui {

BatchDecoder::BatchDecoder(Inference* inference, QObject* parent)
    : QObject(parent), inference_(inference), job_(this, inference->waitingPool()) {}

void BatchDecoder::request(const latent::LatentBatch& latents) {
    if (latents.count == 0) return;
    job_.run([decode = inference_->batchDecoder(), latents](const auto& control) { return decode(latents, control.stopToken()); },
             [this](JobOutcome<std::vector<latent::Image>> outcome) {
                 if (outcome.result) {
                     Q_EMIT decoded(*outcome.result);
                 } else if (!outcome.cancelled) {
                     Q_EMIT failed(outcome.error);
                 }
             });
}

}  // namespace latent::ui
