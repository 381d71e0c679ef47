#pragma once

#include <filesystem>

#include "latent/core/Umap.h"

namespace latent {

// A fitted UMAP model in one file, so a cluster job can fit on a sample once and every
// shard's job can place its latents on that map (`project --save-model`, `--transform`).
//
// Layout: the line "latent-explorer-umap 1", a one-line JSON header (the parameters,
// point count, latent and map dimensions, epochs, initialisation), then the training
// latents (count x dim) and their map (count x dims) as little-endian float32.
//
// Written atomically; throws Error(Io).
void saveUmapModel(const std::filesystem::path& path, const UmapModel& model);

// Throws Error(Io) when unreadable, Error(BadFormat) for another file or a bad header,
// Error(Truncated) when the arrays are cut short, Error(TooLarge) above 16 GiB.
UmapModel loadUmapModel(const std::filesystem::path& path);

}  // namespace latent
