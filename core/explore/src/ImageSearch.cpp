#include "latent/core/ImageSearch.h"

#include "latent/core/Error.h"

namespace latent {

std::vector<FoundImage> findImages(const std::vector<std::filesystem::path>& files, const LatentBatch& latents,
                                   const ProjectionResult& map, const NeighbourIndex& index, std::size_t k) {
    if (files.size() != latents.count) {
        throw Error(ErrorKind::InvalidArgument, std::to_string(files.size()) + " files for " +
                                                    std::to_string(latents.count) + " latents");
    }
    if (latents.count > 0 && latents.dim != index.dim()) {
        throw Error(ErrorKind::InvalidArgument, "the images encode to " + std::to_string(latents.dim) +
                                                    " dimensions, the data has " + std::to_string(index.dim()));
    }
    const LatentBatch placed = map.placeAll(latents);
    std::vector<FoundImage> found;
    for (std::size_t i = 0; i < latents.count; ++i) {
        const auto z = latents.row(i);
        const auto p = placed.row(i);
        found.push_back({files[i], {z.begin(), z.end()}, {p.begin(), p.end()}, index.nearest(z, k)});
    }
    return found;
}

}  // namespace latent
