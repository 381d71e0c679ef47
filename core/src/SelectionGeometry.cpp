#include "latent/core/SelectionGeometry.h"

#include <algorithm>
#include <optional>

namespace latent {
namespace {

std::optional<ScreenPoint> toScreen(const ScreenView& view, std::span<const float> row, std::size_t dim) {
    const auto& m = view.worldToView;
    const double x = row[0], y = dim > 1 ? row[1] : 0.0, z = dim > 2 ? row[2] : 0.0;
    const double cw = m[12] * x + m[13] * y + m[14] * z + m[15];
    if (cw <= 0.0) return std::nullopt;
    const double cx = m[0] * x + m[1] * y + m[2] * z + m[3];
    const double cy = m[4] * x + m[5] * y + m[6] * z + m[7];
    return ScreenPoint{(cx / cw + 1.0) * 0.5 * view.width, (cy / cw + 1.0) * 0.5 * view.height};
}

template <typename Inside>
std::vector<std::size_t> selectWhere(const LatentBatch& coords, const ScreenView& view, Inside inside) {
    std::vector<std::size_t> out;
    for (std::size_t i = 0; i < coords.count; ++i) {
        const auto p = toScreen(view, coords.row(i), coords.dim);
        if (p && inside(*p)) out.push_back(i);
    }
    return out;
}

}  // namespace

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

std::vector<std::size_t> selectInRectangle(const LatentBatch& coords, const ScreenView& view,
                                           ScreenPoint c1, ScreenPoint c2) {
    const double x0 = std::min(c1.x, c2.x), x1 = std::max(c1.x, c2.x);
    const double y0 = std::min(c1.y, c2.y), y1 = std::max(c1.y, c2.y);
    return selectWhere(coords, view, [&](ScreenPoint p) {
        return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1;
    });
}

std::vector<std::size_t> selectInLasso(const LatentBatch& coords, const ScreenView& view,
                                       const std::vector<ScreenPoint>& lasso) {
    if (lasso.size() < 3) return {};
    double x0 = lasso[0].x, x1 = x0, y0 = lasso[0].y, y1 = y0;
    for (const auto& p : lasso) {
        x0 = std::min(x0, p.x);
        x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y);
        y1 = std::max(y1, p.y);
    }
    // The bounding box rejects most points before the polygon test.
    return selectWhere(coords, view, [&](ScreenPoint p) {
        return p.x >= x0 && p.x <= x1 && p.y >= y0 && p.y <= y1 && insidePolygon(lasso, p);
    });
}

}  // namespace latent
