#pragma once

#include <cstddef>
#include <string>

#include "latent/core/LatentBatch.h"

namespace latent {

// Another map of the same items that a t-SNE or UMAP layout should stay arranged like: a
// second model's map in a comparison is started from the first map and pulled towards it
// while it is optimised (as AlignedUMAP's alignment term), so what differs between the two
// maps is the models', not the layouts' random arrangement.
struct LayoutAnchor {
    const LatentBatch* layout = nullptr;  // one row of params.dims values per point; none: free
    // How hard each point is pulled towards its place in `layout`: per UMAP epoch, this share
    // of the learning rate; in t-SNE, an extra neighbour of this weight (see Tsne.h).
    double weight = 0.0;

    bool given() const { return layout != nullptr; }
};

// Throws Error(InvalidArgument), the message starting with `method`, unless the anchor is
// not given or has `count` finite rows of `dims` values and a finite weight of 0 or more.
void checkLayoutAnchor(const LayoutAnchor& anchor, std::size_t count, int dims, const std::string& method);

}  // namespace latent
