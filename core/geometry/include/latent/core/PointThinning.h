#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// A representative subset of about `budget` map points (rows of `coords`, 1 to 3 columns),
// drawn while the camera moves. Every occupied cell of a grid over the points' bounding box
// keeps one point, so sparse regions and outliers stay visible; the rest of the budget is a
// uniform sample, so dense clusters still look dense. Deterministic: the same points give
// the same subset (no flicker between interactions). Returns sorted row indices; all rows
// when count <= budget.
std::vector<std::uint32_t> representativeSubset(const LatentBatch& coords, std::size_t budget);

}  // namespace latent
