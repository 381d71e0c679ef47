#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>

#include "latent/core/ImageFolder.h"
#include "latent/core/ImageResize.h"

namespace latent {

// Everything that decides a workspace's images, latents and metadata: two workspaces
// built from equal identities hold the same points. Sessions store it, and caches of
// anything computed from the latents (projections) are keyed by it.
struct WorkspaceIdentity {
    std::filesystem::path modelPath;  // "" : no model (precomputed latents only)
    // Any data source: a folder of IDX files or images, a .npy/.npz of images or of latents,
    // an IDX file, a projector vectors .tsv (see loadExplorationData).
    std::filesystem::path dataPath;
    std::string split = "test";
    std::size_t limit = 0;  // use only the first `limit` images (0: all)
    // A CSV/TSV table joined by row: its columns are added to the metadata. "" : none.
    std::filesystem::path metadataPath{};
    // Image folders: how images of another size are fitted to the model, and whether colour
    // images are made grey first (then copied to the model's channels).
    FitPolicy folderFit = FitPolicy::CentreCrop;
    bool greyscale = false;
    // How dataset images of another shape are resized to the model's, when they are.
    ResizeFilter resizeFilter = ResizeFilter::Bilinear;
    // Generator-only models: how many latents are sampled from the prior, and the seed.
    std::size_t priorSamples = 2000;
    std::uint64_t priorSeed = 1;

    bool operator==(const WorkspaceIdentity&) const = default;
};

}  // namespace latent

template <>
struct std::hash<latent::WorkspaceIdentity> {
    std::size_t operator()(const latent::WorkspaceIdentity& id) const noexcept;
};
