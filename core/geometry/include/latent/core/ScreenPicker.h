#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// Finds the plotted point nearest the cursor on screen. `worldToView` is the camera's
// composite projection matrix (row-major 4x4, world -> normalised device coordinates in
// [-1, 1]), as a renderer reports it; the viewport is `width` x `height` pixels with
// y growing upwards. Points are rows of `coords` with 2 or 3 columns (z = 0 for 2).
struct ScreenHit {
    std::size_t index = 0;
    double distancePixels = 0.0;
};

std::optional<ScreenHit> pickNearestOnScreen(const LatentBatch& coords,
                                             const std::array<double, 16>& worldToView,
                                             double width, double height, double cursorX,
                                             double cursorY, double radiusPixels);

// Where a world point lands on screen: pixel x, pixel y (y up) and normalised depth in
// [-1, 1]; nullopt for points behind the camera or outside the depth range.
std::optional<std::array<double, 3>> projectToScreen(const std::array<double, 16>& worldToView,
                                                     double width, double height, double x,
                                                     double y, double z);

// Where a world point lands on screen, in the same pixel convention (y up).
std::array<double, 2> worldToScreen(const std::array<double, 16>& worldToView, double width,
                                    double height, const std::array<double, 3>& world);

}  // namespace latent
