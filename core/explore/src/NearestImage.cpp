#include "latent/core/NearestImage.h"

#include <cmath>
#include <limits>

namespace latent {

std::optional<ImageMatch> nearestImage(const Dataset& data, const Image& image) {
    const std::size_t size = data.shape.pixelCount();
    if (data.count == 0 || !(data.shape == image.shape) || image.pixels.size() != size || size == 0) {
        return std::nullopt;
    }
    // Compare in the dataset's 0..255 units: one conversion of the query, none per image.
    std::vector<float> query(size);
    for (std::size_t p = 0; p < size; ++p) query[p] = image.pixels[p] * 255.0f;
    constexpr std::size_t kBlock = 256;  // check the bound once per block, not per pixel
    ImageMatch best;
    double bestSum = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < data.count; ++i) {
        const std::uint8_t* pixels = data.pixels.data() + i * size;
        double sum = 0.0;
        for (std::size_t start = 0; start < size && sum < bestSum; start += kBlock) {
            const std::size_t end = std::min(size, start + kBlock);
            float block = 0.0f;
            for (std::size_t p = start; p < end; ++p) {
                const float d = static_cast<float>(pixels[p]) - query[p];
                block += d * d;
            }
            sum += static_cast<double>(block);
        }
        if (sum < bestSum) {
            bestSum = sum;
            best.index = i;
        }
    }
    best.rmsDifference = std::sqrt(bestSum / static_cast<double>(size)) / 255.0;
    return best;
}

}  // namespace latent
