#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace latent {

// How a point is drawn: `size` device pixels across, as a square or, `round`, a disc, into
// a frame that takes several samples per pixel (`multisampled`) or one at its centre.
struct PointFootprint {
    double size = 1.0;
    bool round = false;
    bool multisampled = true;
    bool operator==(const PointFootprint&) const = default;
};

// The points that can show in a frame: drawing only these, in order, gives the picture of
// drawing every point, so a million points on a few hundred thousand pixels draw several
// times faster.
//
// Left out: points whose footprint misses the `width` x `height` viewport, and square
// points hidden in every pixel they draw into. A pixel hides a point when another point's
// square covers the pixel's samples and is drawn over it under a less-or-equal depth test
// (OpenGL's, as VTK draws): nearer, or as near (every point of a 2-D map) and later in
// order. A multisampled frame may sample anywhere in a pixel, so there a pixel counts as
// drawn into when a square touches it at all and covered only when a square holds all of
// it; a single-sampled frame samples the pixel's centre (OpenGL draws a point into the
// pixels whose centres its square contains), so there both are judged at the centre, and
// far fewer points show. Squares are widened (drawn into) and narrowed (covered) by
// 1/128 px and depths nearer than 1e-6 count as equal, so rounding on the GPU cannot make
// either claim wrong. Round points are only culled: their discs' edges depend on the
// shader.
//
// `xyz` holds `count` points of 3 floats; `worldToView` is the camera's composite
// projection matrix (row-major, world -> normalised device coordinates, as ScreenPicker.h).
// Points behind the camera are left out. Returns ascending rows.
std::vector<std::uint32_t> pointsInSight(const float* xyz, std::size_t count,
                                         const std::array<double, 16>& worldToView, int width,
                                         int height, PointFootprint footprint);

}  // namespace latent
