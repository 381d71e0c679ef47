#pragma once

#include "latent/core/Image.h"
#include "latent/core/ImageIo.h"

namespace latent {

enum class FitPolicy;

// `raster` brought to `target` (channels 1 or 3): grey/colour converted (ITU-R 601 luma),
// cropped per `policy`, resampled bilinearly (box-averaged when shrinking).
// Returns CHW bytes of target.pixelCount().
std::vector<std::uint8_t> fitRaster(const Raster& raster, const ImageShape& target,
                                    FitPolicy policy);

}  // namespace latent
