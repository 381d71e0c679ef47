#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "latent/core/DimensionStats.h"
#include "latent/core/ImageIo.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/DecodeLatents.h"

namespace latent {

struct TraversalRange {
    double low = -3.0;
    double high = 3.0;
};

// mean +- sigmas * sd of a dimension over the encoded data.
TraversalRange dataRange(const DimensionSummary& summary, double sigmas = 3.0);
// +- sigmas for a standard normal prior.
TraversalRange priorRange(double sigmas = 3.0);

// A dims x steps grid of latents: row r varies dimension dims[r] of `point` evenly over
// ranges[r] (low to high, ends included) and keeps every other value of `point`.
// Throws Error(InvalidArgument) for steps < 2, a dimension out of range, or a
// ranges/dims count mismatch.
LatentBatch traversalLatents(std::span<const float> point, const std::vector<std::size_t>& dims,
                             std::size_t steps, const std::vector<TraversalRange>& ranges);

// Decodes latents with `decode` and tiles the images `columns` per row, enlarged `scale` times.
Raster decodeToGrid(const DecodeFn& decode, const LatentBatch& latents, int columns, int scale);

}  // namespace latent
