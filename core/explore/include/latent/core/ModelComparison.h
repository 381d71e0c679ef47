#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/MapAlignment.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/Progress.h"
#include "latent/core/Projection.h"
#include "latent/core/Workspace.h"

namespace latent {

// Below this share of shared neighbours an item counts as one the two models disagree on.
inline constexpr double kLowAgreement = 0.2;

// Where two models of the same items agree on each item's neighbourhood.
struct ModelAgreement {
    int neighbours = 15;           // counting the item, as UMAP's
    std::vector<double> perItem;   // the share of its neighbours - 1 nearest both spaces share
    double mean = 0.0;
    double median = 0.0;
    std::size_t low = 0;           // items below kLowAgreement
};

// Compares the latents of `a` and `b` (two models' workspaces of the same items) on the
// kNN graphs of their shared NeighbourGraphs (the ones their UMAP maps and clusters use, so
// nothing is searched twice). Throws Error(InvalidArgument) when the item counts differ or
// there are no more items than `neighbours`; Cancelled when `progress` says so.
ModelAgreement compareNeighbours(const Workspace& a, const Workspace& b, int neighbours, std::uint64_t seed,
                                 int threads, const ProgressFn& progress = {});

// The per-item agreement as a numeric metadata column (to colour by, export, write as CSV).
MetadataColumn agreementColumn(const ModelAgreement& agreement, const std::string& name);

// How hard a second model's UMAP map is pulled towards the first map (LayoutAnchor::weight).
// Chosen on the test images (bench/anchor_quality, docs/comparing-models.md): the same model
// with another seed lands 2-3 times closer than free, another model stays far, and the map's
// trustworthiness@15 loses at most 0.005; heavier pulls cost more of it.
inline constexpr double kUmapAnchorWeight = 0.1;

// The first model's map that a second one is laid onto.
struct ReferenceMap {
    const LatentBatch& latents;     // the first model's latents of the items
    const ProjectionParams& params; // how they were projected
    const LatentBatch& coords;      // the map
};

// A second model's map laid onto the first's: `b`'s latents projected as `params` says (a
// PCA map is the one the workspace fitted while it was built; a UMAP map starts from the
// reference map and is pulled towards it with kUmapAnchorWeight), then turned, scaled and
// shifted onto the reference map by Procrustes. Latents identical to the reference's,
// projected alike (threads aside), have the reference map itself: a model compared with
// itself lands exactly on its own map.
struct AlignedMap {
    LatentBatch coords;  // aligned
    MapAlignment alignment;
};
AlignedMap alignedMap(const Workspace& b, const ProjectionParams& params, const ReferenceMap& reference,
                      const LayoutCallback& callback = {});

}  // namespace latent
