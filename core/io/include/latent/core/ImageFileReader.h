#pragma once

#include <cstddef>
#include <filesystem>

#include "latent/core/ImageIo.h"

namespace latent {

// Reads a PNG or JPEG file (told apart by their first bytes) as an 8-bit grey or RGB
// raster: alpha is dropped (composited on white), 16-bit PNGs are reduced to 8 bits,
// palette images expanded, CMYK JPEGs refused. Images above `maxPixels` are refused from
// their header, before decoding. Throws Error (Io, BadFormat, TooLarge).
Raster readImageFile(const std::filesystem::path& path,
                     std::size_t maxPixels = std::size_t{1} << 26);

}  // namespace latent
