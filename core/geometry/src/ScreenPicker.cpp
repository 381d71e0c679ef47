#include "latent/core/ScreenPicker.h"

#include <cmath>

namespace latent {
std::optional<std::array<double, 3>> projectToScreen(const std::array<double, 16>& m,
                                                     double width, double height, double x,
                                                     double y, double z) {
    const double cx = m[0] * x + m[1] * y + m[2] * z + m[3];
    const double cy = m[4] * x + m[5] * y + m[6] * z + m[7];
    const double cz = m[8] * x + m[9] * y + m[10] * z + m[11];
    const double cw = m[12] * x + m[13] * y + m[14] * z + m[15];
    if (cw <= 0.0) return std::nullopt;
    const double nz = cz / cw;
    if (nz < -1.0 || nz > 1.0) return std::nullopt;
    return std::array<double, 3>{(cx / cw + 1.0) * 0.5 * width, (cy / cw + 1.0) * 0.5 * height, nz};
}

std::optional<ScreenHit> pickNearestOnScreen(const LatentBatch& coords,
                                             const std::array<double, 16>& worldToView,
                                             double width, double height, double cursorX,
                                             double cursorY, double radiusPixels) {
    std::optional<ScreenHit> best;
    double bestDepth = 0.0;
    const double r2 = radiusPixels * radiusPixels;
    for (std::size_t i = 0; i < coords.count; ++i) {
        const auto row = coords.row(i);
        const double z = coords.dim > 2 ? row[2] : 0.0;
        const auto p = projectToScreen(worldToView, width, height, row[0], row[1], z);
        if (!p) continue;
        const double dx = (*p)[0] - cursorX, dy = (*p)[1] - cursorY;
        const double d2 = dx * dx + dy * dy;
        if (d2 > r2) continue;
        // Nearest on screen wins; among points drawn on top of each other, the front one.
        const bool closer = !best || d2 < best->distancePixels * best->distancePixels - 1e-9 ||
                            (std::abs(d2 - best->distancePixels * best->distancePixels) <= 1e-9 &&
                             (*p)[2] < bestDepth);
        if (closer) {
            best = ScreenHit{i, std::sqrt(d2)};
            bestDepth = (*p)[2];
        }
    }
    return best;
}

std::array<double, 2> worldToScreen(const std::array<double, 16>& worldToView, double width,
                                    double height, const std::array<double, 3>& world) {
    const auto& m = worldToView;
    const double cx = m[0] * world[0] + m[1] * world[1] + m[2] * world[2] + m[3];
    const double cy = m[4] * world[0] + m[5] * world[1] + m[6] * world[2] + m[7];
    const double cw = m[12] * world[0] + m[13] * world[1] + m[14] * world[2] + m[15];
    return {(cx / cw + 1.0) * 0.5 * width, (cy / cw + 1.0) * 0.5 * height};
}

}  // namespace latent
