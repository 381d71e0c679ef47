#pragma once

#include <gtest/gtest.h>

#include <vector>

#include "latent/core/Image.h"
#include "latent/core/Workspace.h"

// Pixel-exact comparison of two decoded images.
inline void expectSameImage(const latent::Image& a, const latent::Image& b) {
    ASSERT_EQ(a.shape, b.shape);
    ASSERT_EQ(a.pixels.size(), b.pixels.size());
    for (std::size_t p = 0; p < a.pixels.size(); ++p) ASSERT_FLOAT_EQ(a.pixels[p], b.pixels[p]) << "pixel " << p;
}

// What core's model decodes for one latent: the reference the UI must match.
inline latent::Image coreDecode(const latent::Workspace& ws, const std::vector<float>& z) {
    latent::LatentBatch batch(1, z.size());
    batch.values = z;
    return ws.model->decode(batch).front();
}
