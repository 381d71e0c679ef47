#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"
#include "latent/core/Progress.h"

namespace latent {

// Decodes every row of `latents` in batches, reporting progress after each batch.
// Throws Error(InvalidArgument) when the latent size differs from the model's (both named),
// Error(Cancelled) when `progress` returns false.
std::vector<Image> decodeLatents(const Model& model, const LatentBatch& latents,
                                 std::size_t batchSize = 256, const ProgressFn& progress = {});

// Whatever decodes latents to images for a caller that does not care how: the model itself
// (the command line), or the UI's inference engine, which runs it between live decodes.
using DecodeFn = std::function<std::vector<Image>(const LatentBatch& latents)>;

// `model` decoding in batches of 64 (decodeLatents); `model` must outlive the function.
DecodeFn decoderOf(const Model& model);

// Writes images as `dir`/00000.png, 00001.png, ... (the folder is created; the number of
// digits grows with the count), each enlarged `scale` times. Returns the paths written.
std::vector<std::filesystem::path> writeImageFiles(const std::filesystem::path& dir,
                                                   const std::vector<Image>& images, int scale = 1);

}  // namespace latent
