#include "RasterFit.h"

#include <algorithm>
#include <cmath>

#include "latent/core/ImageFolder.h"

namespace latent {
namespace {

// One channel of the source, already converted to the target's channel count.
float sample(const Raster& r, int x, int y, int channel, int targetChannels) {
    const std::size_t at = (static_cast<std::size_t>(y) * static_cast<std::size_t>(r.width) +
                            static_cast<std::size_t>(x)) *
                           static_cast<std::size_t>(r.channels);
    if (r.channels == targetChannels) return r.pixels[at + static_cast<std::size_t>(channel)];
    if (r.channels == 1) return r.pixels[at];
    return 0.299f * r.pixels[at] + 0.587f * r.pixels[at + 1] + 0.114f * r.pixels[at + 2];
}

}  // namespace

std::vector<std::uint8_t> fitRaster(const Raster& raster, const ImageShape& target,
                                    FitPolicy policy) {
    double srcX = 0, srcY = 0, srcW = raster.width, srcH = raster.height;
    if (policy == FitPolicy::CentreCrop) {
        const double want = static_cast<double>(target.width) / target.height;
        if (srcW / srcH > want) {
            srcW = srcH * want;
            srcX = (raster.width - srcW) / 2;
        } else {
            srcH = srcW / want;
            srcY = (raster.height - srcH) / 2;
        }
    }
    const double stepX = srcW / target.width, stepY = srcH / target.height;
    // When shrinking, average a small grid of bilinear taps across each output pixel.
    const int tapsX = std::clamp(static_cast<int>(std::ceil(stepX)), 1, 8);
    const int tapsY = std::clamp(static_cast<int>(std::ceil(stepY)), 1, 8);
    std::vector<std::uint8_t> out(target.pixelCount());
    for (int c = 0; c < target.channels; ++c) {
        for (int y = 0; y < target.height; ++y) {
            for (int x = 0; x < target.width; ++x) {
                float sum = 0.0f;
                for (int ty = 0; ty < tapsY; ++ty) {
                    for (int tx = 0; tx < tapsX; ++tx) {
                        const double fx = srcX + (x + (tx + 0.5) / tapsX) * stepX - 0.5;
                        const double fy = srcY + (y + (ty + 0.5) / tapsY) * stepY - 0.5;
                        const int x0 =
                            std::clamp(static_cast<int>(std::floor(fx)), 0, raster.width - 1);
                        const int y0 =
                            std::clamp(static_cast<int>(std::floor(fy)), 0, raster.height - 1);
                        const int x1 = std::min(x0 + 1, raster.width - 1);
                        const int y1 = std::min(y0 + 1, raster.height - 1);
                        const float ax = static_cast<float>(std::clamp(fx - x0, 0.0, 1.0));
                        const float ay = static_cast<float>(std::clamp(fy - y0, 0.0, 1.0));
                        const int n = target.channels;
                        const float top = sample(raster, x0, y0, c, n) * (1 - ax) +
                                          sample(raster, x1, y0, c, n) * ax;
                        const float bottom = sample(raster, x0, y1, c, n) * (1 - ax) +
                                             sample(raster, x1, y1, c, n) * ax;
                        sum += top * (1 - ay) + bottom * ay;
                    }
                }
                const std::size_t at =
                    (static_cast<std::size_t>(c) * static_cast<std::size_t>(target.height) +
                     static_cast<std::size_t>(y)) *
                        static_cast<std::size_t>(target.width) +
                    static_cast<std::size_t>(x);
                out[at] = static_cast<std::uint8_t>(
                    std::lround(std::clamp(sum / static_cast<float>(tapsX * tapsY), 0.0f, 255.0f)));
            }
        }
    }
    return out;
}

}  // namespace latent
