#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"
#include "latent/core/Workspace.h"

namespace latent {

// Encodes images with a workspace's model (the window passes its inference engine).
using EncodeFn = std::function<LatentBatch(std::shared_ptr<const Dataset>)>;

// Another dataset's latents, to place on a workspace's map without recomputing it.
struct AddedData {
    std::filesystem::path path;
    std::string description;  // "MNIST-style IDX folder (train split)", ".npy latents", ...
    LatentBatch latents;
    std::size_t total = 0;  // items in the source, before `limit`
    std::string note;       // how images were fitted to the model; "" if untouched
};

// The most items added to a map at once (each is drawn as its own marker).
inline constexpr std::size_t kMaxAddedItems = 20000;

// Reads `path` as Open Data reads it (`identity` says the workspace's split, fitting and
// resizing; an IDX folder that is the workspace's own gives its other split), keeps the
// first `limit` items, and encodes images with `encode`; latents must have the model's
// size. Throws Error naming what does not fit (images without an encoder, latents of
// another size, images that cannot be resized) and Cancelled from `progress`.
AddedData readAddedData(const std::filesystem::path& path, const Workspace& ws, const WorkspaceIdentity& identity,
                        const EncodeFn& encode, std::size_t limit = kMaxAddedItems, const ProgressFn& progress = {});

}  // namespace latent
