#pragma once

#include <array>

namespace latent {

// Where the map's camera looks from, as the user left it (a session keeps it).
struct MapCamera {
    std::array<double, 3> position{0, 0, 1}, focalPoint{0, 0, 0}, viewUp{0, 1, 0};
    double parallelScale = 1.0;  // half the view's height in world units (2D maps)
    bool operator==(const MapCamera&) const = default;
};

}  // namespace latent
