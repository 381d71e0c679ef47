#pragma once

#include <cstddef>
#include <string>

#include "latent/core/LatentBatch.h"

namespace latent {

// Another map of the same items that a UMAP layout should stay arranged like: a second
// model's map in a comparison is started from the first map and pulled towards it while it is
// optimised (as AlignedUMAP's alignment term), so what differs between the two maps is the
// models', not the layouts' random arrangement. t-SNE takes none: its map of one model is
// the same whatever the seed (it starts from the principal components), and an anchor only
// pulled another model's map towards the first (docs/comparing-models.md).
struct LayoutAnchor {
    const LatentBatch* layout = nullptr;  // one row of params.dims values per point; none: free
    // How hard each point is pulled towards its place in `layout`: per epoch, this share of
    // the epoch's learning rate of the way (see Umap.h).
    double weight = 0.0;

    bool given() const { return layout != nullptr; }
};

// Throws Error(InvalidArgument), the message starting with `method`, unless the anchor is
// not given or has `count` finite rows of `dims` values and a finite weight of 0 or more.
void checkLayoutAnchor(const LayoutAnchor& anchor, std::size_t count, int dims, const std::string& method);

}  // namespace latent
