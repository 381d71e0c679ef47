#pragma once

#include <array>
#include <cstddef>
#include <optional>
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

// An axis-aligned screen rectangle, inclusive.
struct ScreenRect {
    double x0 = 0.0, y0 = 0.0, x1 = 0.0, y1 = 0.0;
    bool contains(ScreenPoint p) const { return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1; }
};

// The rectangle spanned by two corners in any order, and the bounds of a polygon.
ScreenRect rectangleOf(ScreenPoint corner1, ScreenPoint corner2);
ScreenRect boundsOf(const std::vector<ScreenPoint>& polygon);

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

// Where a world point lands on screen (pixels, y up); nothing behind the camera. The one
// projection every selection uses, so indexed and brute-force selections agree exactly.
std::optional<ScreenPoint> toScreen(const ScreenView& view, double x, double y, double z);

}  // namespace latent
