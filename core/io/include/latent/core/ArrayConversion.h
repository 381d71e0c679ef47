#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/NumericArray.h"

namespace latent {

// Where the channel axis of a 4-d image array is.
enum class ChannelOrder { First, Last };  // N x C x H x W, or N x H x W x C

// Images from an N x H x W (grey) or 4-d array with 1 or 3 channels. uint8 and other
// integer pixels must lie in 0..255; float pixels in [0, 1] (if none is above 1) or else in
// [0, 255]. Throws Error(BadFormat) naming `where`, the shape and the first bad element.
Dataset datasetFromArray(const NumericArray& images, ChannelOrder order, const std::string& where);

// Precomputed latents from an N x D array (any numeric type, all values finite).
LatentBatch latentsFromArray(const NumericArray& array, const std::string& where);

// Integer class labels from a 1-d (or N x 1) array of integers or integral floats.
// `expectedCount` (when non-zero) must match. Throws Error(BadFormat).
std::vector<int> labelsFromArray(const NumericArray& array, std::size_t expectedCount,
                                 const std::string& where);

}  // namespace latent
