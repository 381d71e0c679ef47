#pragma once

#include <cstddef>
#include <vector>

namespace latent {

// Channels, height, width of one image.
struct ImageShape {
    int channels = 0;
    int height = 0;
    int width = 0;

    std::size_t pixelCount() const {
        return static_cast<std::size_t>(channels) * static_cast<std::size_t>(height) *
               static_cast<std::size_t>(width);
    }
    bool operator==(const ImageShape&) const = default;
};

// One image as floats in [0, 1], planar CHW layout (channel-major), as models use it.
struct Image {
    ImageShape shape;
    std::vector<float> pixels;
    bool hadNonFinite = false;  // a model produced NaN/Inf here (replaced by 0)

    float at(int c, int y, int x) const {
        return pixels[(static_cast<std::size_t>(c) * static_cast<std::size_t>(shape.height) +
                       static_cast<std::size_t>(y)) *
                          static_cast<std::size_t>(shape.width) +
                      static_cast<std::size_t>(x)];
    }
};

}  // namespace latent
