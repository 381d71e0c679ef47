#pragma once

#include <QVector3D>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent::ui {

// A point's map coordinates (1 to 3 of them) as its position in the map's 3-D scene: the
// axes a map lacks are 0.
inline QVector3D mapPosition(std::span<const float> coords) {
    return {coords.empty() ? 0.0f : coords[0], coords.size() > 1 ? coords[1] : 0.0f, coords.size() > 2 ? coords[2] : 0.0f};
}

// Every row of `coords` (a map's coordinates, or latents placed on a map) as a position.
inline std::vector<QVector3D> mapPositions(const latent::LatentBatch& coords) {
    std::vector<QVector3D> positions;
    positions.reserve(coords.count);
    for (std::size_t i = 0; i < coords.count; ++i) positions.push_back(mapPosition(coords.row(i)));
    return positions;
}

}  // namespace latent::ui
