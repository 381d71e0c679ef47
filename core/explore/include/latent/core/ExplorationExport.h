#pragma once

#include <cstddef>
#include <filesystem>
#include <vector>

#include "latent/core/Interpolation.h"
#include "latent/core/DecodeLatents.h"

namespace latent {

struct MorphExport {
    std::vector<float> a, b;
    InterpolationMode mode = InterpolationMode::Linear;
    std::size_t frames = 10;
    double tEnd = 1.0;  // up to 1.5 to extrapolate past B
    int scale = 4;      // nearest-neighbour enlargement of each frame
};

// The morph's frames (decoded by `decode`), A to tEnd, side by side in one PNG.
void exportMorphStrip(const DecodeFn& decode, const MorphExport& morph, const std::filesystem::path& path);
// The same frames as a looping animated GIF (`delayCentiseconds` per frame).
void exportMorphAnimation(const DecodeFn& decode, const MorphExport& morph, int delayCentiseconds,
                          const std::filesystem::path& path);

}  // namespace latent
