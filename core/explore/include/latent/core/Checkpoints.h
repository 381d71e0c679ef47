#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace latent {

// One saved model of a training run.
struct Checkpoint {
    std::filesystem::path path;
    std::optional<std::int64_t> epoch;  // from its metadata (ModelInfo)
    std::optional<std::int64_t> step;
    std::string label;                  // "epoch 5", "step 1200", or the file's name
};

// Puts checkpoints in training order: by the epoch their metadata states, else by the step,
// else by the last number in the file name ("vae_e12.pt" after "vae_e9.pt"); ties and
// files without any by name. Sets each label.
void sortCheckpoints(std::vector<Checkpoint>& checkpoints);

// The models in `folder` (.pt, .pth and .json manifests; not its subfolders), each loaded
// once to read its metadata, in training order. Throws Error(InvalidArgument) for a folder
// with fewer than two, and what Model::load throws for a file that is no model, naming it.
std::vector<Checkpoint> listCheckpoints(const std::filesystem::path& folder);

}  // namespace latent
