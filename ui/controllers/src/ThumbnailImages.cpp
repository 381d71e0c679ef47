#include "latent/ui/ThumbnailImages.h"

#include <algorithm>

#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ImageConvert.h"
#include "latent/ui/MainWindow.h"

namespace latent::ui {

ThumbnailImages::ThumbnailImages(MainWindow* window)
    : QObject(window), window_(window), decoder_(new BatchDecoder(window->inference(), this)) {
    connect(decoder_, &BatchDecoder::decoded, this, &ThumbnailImages::onDecoded);
}

QImage ThumbnailImages::imageOf(std::size_t index) const {
    const auto* ws = window_->workspace();
    if (!ws) return {};
    if (index < ws->dataset.count) return toQImage(ws->dataset.image(index));
    const auto it = decoded_.find(index);
    return it == decoded_.end() ? QImage() : it->second;
}

void ThumbnailImages::want(const std::vector<std::size_t>& indices) {
    const auto* ws = window_->workspace();
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
