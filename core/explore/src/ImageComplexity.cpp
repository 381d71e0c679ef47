#include "latent/core/ImageComplexity.h"

#include <zlib.h>

#include <cmath>
#include <cstdint>
#include <new>
#include <numbers>

#include "latent/core/Error.h"
#include "latent/core/NeighbourIndex.h"

namespace latent {
namespace {

// Residuals of predicting each pixel from its left neighbour within a row of one channel.
std::vector<std::uint8_t> subFiltered(const std::uint8_t* pixels, const ImageShape& shape) {
    std::vector<std::uint8_t> residuals(shape.pixelCount());
    const std::size_t width = static_cast<std::size_t>(shape.width);
    for (std::size_t row = 0; row < residuals.size() / width; ++row) {
        const std::uint8_t* in = pixels + row * width;
        std::uint8_t* out = residuals.data() + row * width;
        out[0] = in[0];
        for (std::size_t x = 1; x < width; ++x) out[x] = static_cast<std::uint8_t>(in[x] - in[x - 1]);
    }
    return residuals;
}

double compressedNats(const std::vector<std::uint8_t>& bytes) {
    uLongf size = compressBound(static_cast<uLong>(bytes.size()));
    std::vector<Bytef> out(size);
    // With a compressBound-sized buffer and a valid level, only memory can run out.
    if (compress2(out.data(), &size, bytes.data(), static_cast<uLong>(bytes.size()), Z_BEST_COMPRESSION) != Z_OK) {
        throw std::bad_alloc();
    }
    return static_cast<double>(size) * 8.0 * std::numbers::ln2;
}

}  // namespace

std::vector<double> imageComplexity(const Dataset& images, int threads) {
    std::vector<double> nats(images.count);
    const std::size_t perImage = images.shape.pixelCount();
    if (perImage == 0 || images.pixels.size() < images.count * perImage) {
        throw Error(ErrorKind::InvalidArgument, "image complexity: the dataset has no pixels for its items");
    }
    parallelFor(images.count, threads, {}, "Measuring each image's complexity", [&](std::size_t i) {
        nats[i] = compressedNats(subFiltered(images.pixels.data() + i * perImage, images.shape));
    });
    return nats;
}

}  // namespace latent
