#include "latent/core/SelectionGeometry.h"

#include <algorithm>
#include <optional>

namespace latent {
namespace {

template <typename Inside>
std::vector<std::size_t> selectWhere(const LatentBatch& coords, const ScreenView& view, Inside inside) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < coords.count; ++i) {
        const auto row = coords.row(i);
        const std::size_t dim = coords.dim;
        const auto p = toScreen(view, row[0], dim > 1 ? row[1] : 0.0, dim > 2 ? row[2] : 0.0);
        if (p && inside(*p)) out.push_back(i);
    }
    return out;
}

}  // namespace

std::optional<ScreenPoint> toScreen(const ScreenView& view, double x, double y, double z) {
    const auto& m = view.worldToView;
    const double cw = m[12] * x + m[13] * y + m[14] * z + m[15];
    if (cw <= 0.0) return std::nullopt;
    const double cx = m[0] * x + m[1] * y + m[2] * z + m[3];
    const double cy = m[4] * x + m[5] * y + m[6] * z + m[7];
    return ScreenPoint{(cx / cw + 1.0) * 0.5 * view.width, (cy / cw + 1.0) * 0.5 * view.height};
}

bool insidePolygon(const std::vector<ScreenPoint>& polygon, ScreenPoint p) {
    // Even-odd rule: count crossings of a ray going right from p.
    bool inside = false;
    const std::size_t n = polygon.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const ScreenPoint& a = polygon[i];
        const ScreenPoint& b = polygon[j];
        if ((a.y > p.y) != (b.y > p.y)) {
            const double crossX = a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y);
            if (p.x < crossX) inside = !inside;
        }
    }
    return inside;
}

ScreenRect rectangleOf(ScreenPoint c1, ScreenPoint c2) {
    return {std::min(c1.x, c2.x), std::min(c1.y, c2.y), std::max(c1.x, c2.x), std::max(c1.y, c2.y)};
}

ScreenRect boundsOf(const std::vector<ScreenPoint>& polygon) {
    ScreenRect r;
    if (polygon.empty()) return r;
    r = rectangleOf(polygon[0], polygon[0]);
    for (const auto& p : polygon) {
        r.x0 = std::min(r.x0, p.x);
        r.x1 = std::max(r.x1, p.x);
        r.y0 = std::min(r.y0, p.y);
        r.y1 = std::max(r.y1, p.y);
    }
    return r;
}

std::vector<std::size_t> selectInRectangle(const LatentBatch& coords, const ScreenView& view,
                                           ScreenPoint c1, ScreenPoint c2) {
    const ScreenRect rect = rectangleOf(c1, c2);
    return selectWhere(coords, view, [&](ScreenPoint p) { return rect.contains(p); });
}

std::vector<std::size_t> selectInLasso(const LatentBatch& coords, const ScreenView& view,
                                       const std::vector<ScreenPoint>& lasso) {
    if (lasso.size() < 3) return {};
    const ScreenRect bounds = boundsOf(lasso);
    // The bounding box rejects most points before the polygon test.
    return selectWhere(coords, view,
                       [&](ScreenPoint p) { return bounds.contains(p) && insidePolygon(lasso, p); });
}

}  // namespace latent
