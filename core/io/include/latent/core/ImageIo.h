#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/Image.h"

namespace latent {

// An 8-bit interleaved RGB or grey raster, as image files store pixels.
struct Raster {
    int width = 0;
    int height = 0;
    int channels = 0;  // 1 (grey) or 3 (RGB)
    std::vector<std::uint8_t> pixels;
};

// Converts a [0, 1] CHW image (1 or 3 channels) to an interleaved raster, each pixel
// repeated `scale` times in both directions (nearest-neighbour enlargement).
Raster toRaster(const Image& image, int scale = 1);

// Tiles images (all of one shape) in a grid of `columns`, `gap` background pixels apart.
Raster makeGrid(const std::vector<Image>& images, int columns, int scale = 1, int gap = 2,
                std::uint8_t background = 255);

// The bytes of a PNG file of the raster. Throws latent::Error(InvalidArgument) for an empty
// raster, Error(Io) when libpng fails.
std::string encodePng(const Raster& raster);
// Writes a PNG file atomically (temporary file, then rename). Throws latent::Error(Io).
void writePng(const std::filesystem::path& path, const Raster& raster);

}  // namespace latent
