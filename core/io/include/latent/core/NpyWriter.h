#pragma once

#include <filesystem>
#include <string>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/NumericArray.h"

namespace latent {

// The bytes of a version 1.0 .npy file (little-endian, C order) holding `array`.
std::string encodeNpy(const NumericArray& array);

// Writes `array` as .npy atomically (temporary file, then rename). Throws Error(Io).
void writeNpy(const std::filesystem::path& path, const NumericArray& array);

// An N x D float32 array: latents or projected coordinates.
void writeNpy(const std::filesystem::path& path, const LatentBatch& batch);

// The dataset's images as uint8, N x C x H x W (or N x H x W when grey).
void writeNpy(const std::filesystem::path& path, const Dataset& data);

}  // namespace latent
