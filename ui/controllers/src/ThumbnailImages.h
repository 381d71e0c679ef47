#pragma once

#include <QImage>
#include <QObject>
#include <cstddef>
#include <unordered_map>
#include <vector>

#include "latent/core/Image.h"

namespace latent::ui {

class BatchDecoder;
class ExplorerState;
class Inference;

// The image of each map point for thumbnails: a dataset item's own image, or, on a map
// of prior samples (no dataset images), the sample decoded by the model. Decoding runs on
// the inference engine (BatchDecoder) when want() names points without an image; arrived()
// says when more are ready. A new workspace forgets every decoded image.
class ThumbnailImages : public QObject {
    Q_OBJECT
public:
    static constexpr std::size_t kMaxDecoded = 2000;  // then the oldest are dropped at once

    ThumbnailImages(const ExplorerState* state, Inference* inference, QObject* parent);

    // A null image while a prior sample is not decoded yet.
    QImage imageOf(std::size_t index) const;
    // Decodes the prior samples among `indices` that have no image yet.
    void want(const std::vector<std::size_t>& indices);

Q_SIGNALS:
    void arrived();

private:
    void onDecoded(const std::vector<latent::Image>& images);
    void reset();

    const ExplorerState* state_;
    BatchDecoder* decoder_;
    std::unordered_map<std::size_t, QImage> decoded_;
    std::vector<std::size_t> requested_;  // the indices of the newest decode request
};

}  // namespace latent::ui
