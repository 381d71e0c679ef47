#include "ThumbnailImages.h"

#include <algorithm>

#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ImageConvert.h"
#include "latent/ui/ExplorerState.h"

namespace latent::ui {

ThumbnailImages::ThumbnailImages(const ExplorerState* state, Inference* inference, QObject* parent)
    : QObject(parent), state_(state), decoder_(new BatchDecoder(inference, this)) {
    connect(decoder_, &BatchDecoder::decoded, this, &ThumbnailImages::onDecoded);
    connect(state_, &ExplorerState::workspaceChanged, this, &ThumbnailImages::reset);
}

QImage ThumbnailImages::imageOf(std::size_t index) const {
    const auto* ws = state_->workspace().get();
    if (!ws) return {};
    if (index < ws->dataset.count) return toQImage(ws->dataset.image(index));
    const auto it = decoded_.find(index);
    return it == decoded_.end() ? QImage() : it->second;
}

void ThumbnailImages::want(const std::vector<std::size_t>& indices) {
    const auto* ws = state_->workspace().get();
    if (!ws || !ws->sampledFromPrior) return;
    std::vector<std::size_t> missing;
    for (std::size_t i : indices) {
        if (i < ws->latents.count && !decoded_.contains(i)) missing.push_back(i);
    }
    if (missing.empty() || missing == requested_) return;  // that one is on its way
    latent::LatentBatch latents(missing.size(), ws->latents.dim);
    for (std::size_t r = 0; r < missing.size(); ++r) {
        const auto z = ws->latents.row(missing[r]);
        std::copy(z.begin(), z.end(), latents.row(r).begin());
    }
    requested_ = std::move(missing);
    decoder_->request(latents);
}

void ThumbnailImages::reset() {
    decoder_->discard();  // it decodes the old workspace's samples
    decoded_.clear();
    requested_.clear();
}

void ThumbnailImages::onDecoded(const std::vector<latent::Image>& images) {
    if (images.size() != requested_.size()) return;
    if (decoded_.size() + images.size() > kMaxDecoded) decoded_.clear();
    for (std::size_t r = 0; r < images.size(); ++r) decoded_[requested_[r]] = toQImage(images[r]);
    requested_.clear();
    Q_EMIT arrived();
}

}  // namespace latent::ui
