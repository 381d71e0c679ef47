#pragma once

// The bundled model's latents of the first n Fashion-MNIST test images: real data for the
// projection tests' trustworthiness thresholds.

#include <cstddef>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"

namespace testdata {

inline latent::LatentBatch encodedFashionMnist(std::size_t n) {
    const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
    const auto images = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    const auto pixels = images.floatPixels(0, n);
    return model->encode(pixels.data(), n);
}

}  // namespace testdata
