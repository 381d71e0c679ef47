#pragma once

#include <cstddef>
#include <filesystem>
#include <span>
#include <vector>

#include "latent/core/DimensionStats.h"
#include "latent/core/Interpolation.h"
#include "latent/core/Model.h"

namespace latent {

struct MorphExport {
    std::vector<float> a, b;
    InterpolationMode mode = InterpolationMode::Linear;
    std::size_t frames = 10;
    double tEnd = 1.0;  // up to 1.5 to extrapolate past B
    int scale = 4;      // nearest-neighbour enlargement of each frame
};

// The morph's frames, A to tEnd, side by side in one PNG.
void exportMorphStrip(const Model& model, const MorphExport& morph, const std::filesystem::path& path);
// The same frames as a looping animated GIF (`delayCentiseconds` per frame).
void exportMorphAnimation(const Model& model, const MorphExport& morph, int delayCentiseconds,
                          const std::filesystem::path& path);

// A traversal grid for `point`: one row per dimension in `dims` (each over its data range,
// mean +- 3 sd from `summaries`), `steps` columns, as a PNG.
void exportTraversalGrid(const Model& model, std::span<const float> point,
                         const std::vector<DimensionSummary>& summaries,
                         const std::vector<std::size_t>& dims, std::size_t steps, int scale,
                         const std::filesystem::path& path);

}  // namespace latent
