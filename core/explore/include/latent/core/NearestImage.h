#pragma once

#include <cstddef>
#include <optional>

#include "latent/core/Dataset.h"
#include "latent/core/Image.h"

namespace latent {

struct ImageMatch {
    std::size_t index = 0;
    double rmsDifference = 0.0;  // root mean square of the pixel differences, images in [0, 1]
};

// The dataset image whose pixels are closest to `image` (a generator's sample beside the
// data it imitates). Exact, in one pass that abandons an image once it is farther than the
// best so far. nullopt when the dataset is empty or its images have another shape.
std::optional<ImageMatch> nearestImage(const Dataset& data, const Image& image);

}  // namespace latent
