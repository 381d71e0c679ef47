#pragma once

#include <cstddef>
#include <functional>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"
#include "latent/core/Progress.h"

namespace latent {

// Encodes every image of `data` in batches, reporting progress after each batch.
// Throws Error(InvalidArgument) when the images do not fit the model (both shapes named),
// Error(Cancelled) when `progress` returns false.
LatentBatch encodeDataset(const Model& model, const Dataset& data, std::size_t batchSize = 256,
                          const ProgressFn& progress = {});

// Called after each batch with its first item, its images (as Dataset::floatPixels gives
// them) and what they encoded to: work on the same batch without a second pass.
using EncodedBatchFn =
    std::function<void(std::size_t first, const std::vector<float>& pixels, const EncodedBatch& encoded)>;

// As encodeDataset, keeping a VAE's logvar too (empty when the encoder returns one tensor).
EncodedBatch encodeDatasetWithLogvar(const Model& model, const Dataset& data, std::size_t batchSize = 256,
                                     const ProgressFn& progress = {}, const EncodedBatchFn& onBatch = {});

}  // namespace latent
