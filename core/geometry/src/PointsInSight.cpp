#include "latent/core/PointsInSight.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace latent {
namespace {

constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
// Footprints are widened (pixels drawn into) or narrowed (pixels covered) by this much, so
// the GPU's rounding cannot make either claim wrong: rasterisers snap positions to a
// subpixel grid, 1/256 px on Mesa's llvmpipe and most GPUs (a margin of 1e-3 px left 24 of
// 32,212 pixels of the render test's frame different). Twice that grid's step.
constexpr double kEdge = 1.0 / 128;
constexpr float kDepthTie = 1e-6f;

struct Placed {
    double x = 0.0, y = 0.0;  // window pixels, y up
    float depth = 0.0f;       // normalised device depth
};

// Pixels [first, last] along one axis, clamped to [0, pixels).
struct Span {
    int first, last;
    bool empty() const { return first > last; }
};

Span clamped(double first, double last, int pixels) {
    return {static_cast<int>(std::max(first, 0.0)),
            static_cast<int>(std::min(last, static_cast<double>(pixels - 1)))};
}

// Pixels the square of half-side `half` around `centre` may draw into: every pixel it
// touches when the frame is multisampled, else those whose centre it may contain.
Span drawnInto(double centre, double half, int pixels, bool multisampled) {
    const double reach = half + kEdge;
    if (multisampled) return clamped(std::floor(centre - reach), std::ceil(centre + reach) - 1.0, pixels);
    return clamped(std::ceil(centre - reach - 0.5), std::floor(centre + reach - 0.5), pixels);
}

// Pixels whose samples it surely covers: whole pixels when multisampled, else centres.
Span covered(double centre, double half, int pixels, bool multisampled) {
    const double reach = half - kEdge;
    if (multisampled) return clamped(std::ceil(centre - reach), std::floor(centre + reach) - 1.0, pixels);
    return clamped(std::ceil(centre - reach - 0.5), std::floor(centre + reach - 0.5), pixels);
}

// Whether a point at `depth`, `row` is drawn over the point at `otherDepth`, `otherRow`.
bool drawnOver(float depth, std::uint32_t row, float otherDepth, std::uint32_t otherRow) {
    return depth < otherDepth - kDepthTie || (depth == otherDepth && row > otherRow);
}

}  // namespace

std::vector<std::uint32_t> pointsInSight(const float* xyz, std::size_t count,
                                         const std::array<double, 16>& m, int width, int height,
                                         PointFootprint footprint) {
    if (width <= 0 || height <= 0 || count == 0) return {};
    const double half = std::max(footprint.size, 1.0) / 2.0;
    const double sx = 0.5 * width, sy = 0.5 * height;
    // Farther out the footprint misses the viewport (and the casts stay in range).
    const double reach = half + 1.0;
    auto place = [&](std::size_t i, Placed& p) {
        const double x = xyz[3 * i], y = xyz[3 * i + 1], z = xyz[3 * i + 2];
        const double cw = m[12] * x + m[13] * y + m[14] * z + m[15];
        if (!(cw > 0.0)) return false;
        const double inverse = 1.0 / cw;
        p.x = ((m[0] * x + m[1] * y + m[2] * z + m[3]) * inverse + 1.0) * sx;
        p.y = ((m[4] * x + m[5] * y + m[6] * z + m[7]) * inverse + 1.0) * sy;
        if (!(p.x > -reach && p.y > -reach && p.x < width + reach && p.y < height + reach)) return false;
        p.depth = static_cast<float>((m[8] * x + m[9] * y + m[10] * z + m[11]) * inverse);
        return true;
    };
    const auto columns = static_cast<std::size_t>(width);
    // Per pixel, of the squares covering it whole, the one drawn over the others (nearest,
    // then latest).
    std::vector<std::uint32_t> coverer;
    std::vector<float> covererDepth;
    if (!footprint.round) {
        coverer.assign(columns * static_cast<std::size_t>(height), kNone);
        covererDepth.assign(coverer.size(), std::numeric_limits<float>::infinity());
        Placed p;
        for (std::size_t i = 0; i < count; ++i) {
            if (!place(i, p)) continue;
            const Span xs = covered(p.x, half, width, footprint.multisampled),
                       ys = covered(p.y, half, height, footprint.multisampled);
            for (int row = ys.first; row <= ys.last; ++row) {
                for (int column = xs.first; column <= xs.last; ++column) {
                    const std::size_t cell = static_cast<std::size_t>(row) * columns + static_cast<std::size_t>(column);
                    if (p.depth <= covererDepth[cell]) {  // as near and later: drawn over
                        coverer[cell] = static_cast<std::uint32_t>(i);
                        covererDepth[cell] = p.depth;
                    }
                }
            }
        }
    }
    std::vector<std::uint32_t> out;
    Placed p;
    for (std::size_t i = 0; i < count; ++i) {
        if (!place(i, p)) continue;
        const Span xs = drawnInto(p.x, half, width, footprint.multisampled),
                   ys = drawnInto(p.y, half, height, footprint.multisampled);
        if (xs.empty() || ys.empty()) continue;
        bool shows = footprint.round;
        for (int row = ys.first; row <= ys.last && !shows; ++row) {
            for (int column = xs.first; column <= xs.last && !shows; ++column) {
                const std::size_t cell = static_cast<std::size_t>(row) * columns + static_cast<std::size_t>(column);
                shows = coverer[cell] == kNone ||
                        !drawnOver(covererDepth[cell], coverer[cell], p.depth, static_cast<std::uint32_t>(i));
            }
        }
        if (shows) out.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

}  // namespace latent
