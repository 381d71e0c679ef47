#pragma once

#include <array>
#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

struct ScreenPoint {
    double x = 0.0;
    double y = 0.0;
};

// Where the camera puts the map on screen: the composite world -> normalised-device
// matrix (row-major 4x4, as ScreenPicker uses) and the viewport in pixels, y up.
struct ScreenView {
    std::array<double, 16> worldToView{};
    double width = 0.0;
    double height = 0.0;
};

// Indices of the plotted points (rows of `coords`, 2 or 3 columns) whose screen position
// lies inside the axis-aligned rectangle spanned by two corners (any order), inclusive.
// Points behind the camera are never selected.
std::vector<std::size_t> selectInRectangle(const LatentBatch& coords, const ScreenView& view,
                                           ScreenPoint corner1, ScreenPoint corner2);

// Same for a free-hand lasso: a closed polygon (the last point joins the first), any
// shape, concave or self-intersecting, with the even-odd rule deciding what is inside.
std::vector<std::size_t> selectInLasso(const LatentBatch& coords, const ScreenView& view,
                                       const std::vector<ScreenPoint>& lasso);

bool insidePolygon(const std::vector<ScreenPoint>& polygon, ScreenPoint p);

}  // namespace latent
