#pragma once

// The bundled model's latents of the first n Fashion-MNIST test images: real data for the
// projection tests' trustworthiness thresholds; and a model's workspace of those images (the
// model comparison's tests and bench/anchor_quality).

#include <cstddef>
#include <string>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"
#include "latent/core/Workspace.h"

namespace testdata {

inline latent::LatentBatch encodedFashionMnist(std::size_t n) {
    const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
    const auto images = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    const auto pixels = images.floatPixels(0, n);
    return model->encode(pixels.data(), n);
}

// `model`'s workspace of the first `limit` test images, encoded with `threads`.
inline latent::Workspace encodedWorkspace(const std::string& model, std::size_t limit, int threads = 2) {
    latent::WorkspaceRequest request;
    request.identity.modelPath = model;
    request.identity.dataPath = LATENT_DEFAULT_DATA_DIR;
    request.identity.split = "test";
    request.identity.limit = limit;
    request.threads = threads;
    request.requireModel = true;
    return latent::buildWorkspace(request);
}

}  // namespace testdata
