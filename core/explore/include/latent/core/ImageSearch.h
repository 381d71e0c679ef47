#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/NeighbourIndex.h"
#include "latent/core/Projector.h"

namespace latent {

// An image found on the map: where its latent lands and which items are nearest to it.
struct FoundImage {
    std::filesystem::path file;
    std::vector<float> latent;
    std::vector<float> position;         // on the map (its dims values)
    std::vector<Neighbour> neighbours;   // the nearest items by latent, nearest first
};

// Places the latents of `files` (one row each, as encoded) on `map` (exactly on PCA and
// latent-axes maps, by UMAP's transform, else among the nearest data: placeAll) and finds
// each one's `k` nearest items in `index`. Off the UI thread: placing and searching take
// time. Throws Error(InvalidArgument) when the counts or sizes do not match.
std::vector<FoundImage> findImages(const std::vector<std::filesystem::path>& files, const LatentBatch& latents,
                                   const ProjectionResult& map, const NeighbourIndex& index, std::size_t k);

}  // namespace latent
