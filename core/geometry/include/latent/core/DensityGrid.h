#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// An axis-aligned rectangle of the map's plane (x0 < x1, y0 < y1).
struct PlaneRect {
    double x0 = 0.0, y0 = 0.0, x1 = 1.0, y1 = 1.0;
};

// How many points fall in each cell of a width x height grid over a rectangle: the
// aggregated view of maps too dense to read point by point.
struct DensityGrid {
    std::size_t width = 0, height = 0;
    PlaneRect rect;
    std::vector<std::uint32_t> counts;  // row-major, row 0 along y0 (the bottom)
    std::uint32_t maxCount = 0;

    std::uint32_t at(std::size_t column, std::size_t row) const {
        return counts[row * width + column];
    }
};

// Bins the first two coordinates of every row of `points`. A point on a cell's lower or
// left edge belongs to that cell; points outside `rect` (and on its upper/right edge) are
// left out. Throws Error(InvalidArgument) for an empty grid or an empty rectangle.
DensityGrid binPoints(const LatentBatch& points, const PlaneRect& rect, std::size_t width,
                      std::size_t height);

}  // namespace latent
