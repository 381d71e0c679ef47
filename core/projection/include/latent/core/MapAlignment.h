#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// A similarity transform of a map's points: p -> scale * p R + translation (p a row).
struct MapAlignment {
    std::size_t dims = 0;
    std::vector<double> rotation;     // dims x dims, row-major, orthogonal (a reflection at times)
    double scale = 1.0;
    std::vector<double> translation;  // dims
    // How far the aligned points stay from the reference's: the RMS distance over the
    // reference's RMS spread about its centre. 0: the same map up to rotation, scale and
    // shift; about 1: nothing in common.
    double error = 0.0;
};

// The transform laying `moving` onto `reference` (the same items, in the same order, in
// the same 1 to 3 dimensions) with the least squared distance: orthogonal Procrustes
// (Schönemann 1966) with a scale. Maps have no handedness, so it may reflect. Throws
// Error(InvalidArgument) for maps of other sizes, or one whose points all coincide.
MapAlignment alignMap(const LatentBatch& reference, const LatentBatch& moving);

// `moving` transformed by `alignment`.
LatentBatch applyAlignment(const LatentBatch& moving, const MapAlignment& alignment);

}  // namespace latent
