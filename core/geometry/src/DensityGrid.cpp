#include "latent/core/DensityGrid.h"

#include <algorithm>
#include <cmath>

#include "latent/core/Error.h"

namespace latent {

DensityGrid binPoints(const LatentBatch& points, const PlaneRect& rect, std::size_t width,
                      std::size_t height) {
    if (width == 0 || height == 0)
        throw Error(ErrorKind::InvalidArgument, "a density grid needs at least one cell");
    if (!(rect.x1 > rect.x0) || !(rect.y1 > rect.y0))
        throw Error(ErrorKind::InvalidArgument, "a density grid needs a rectangle with an area");
    if (points.count > 0 && points.dim < 2)
        throw Error(ErrorKind::InvalidArgument, "a density grid bins two coordinates per point");
    DensityGrid grid{width, height, rect, std::vector<std::uint32_t>(width * height, 0), 0};
    const double toColumn = static_cast<double>(width) / (rect.x1 - rect.x0);
    const double toRow = static_cast<double>(height) / (rect.y1 - rect.y0);
    for (std::size_t i = 0; i < points.count; ++i) {
        const float* p = points.values.data() + i * points.dim;
        // Floor of the scaled offset; NaN and points outside fail the range checks.
        const double column = std::floor((p[0] - rect.x0) * toColumn);
        const double row = std::floor((p[1] - rect.y0) * toRow);
        if (!(column >= 0.0 && column < static_cast<double>(width) && row >= 0.0 &&
              row < static_cast<double>(height)))
            continue;
        ++grid.counts[static_cast<std::size_t>(row) * width + static_cast<std::size_t>(column)];
    }
    grid.maxCount =
        grid.counts.empty() ? 0 : *std::max_element(grid.counts.begin(), grid.counts.end());
    return grid;
}

}  // namespace latent
