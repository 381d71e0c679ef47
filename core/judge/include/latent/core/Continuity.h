#pragma once

#include <cstddef>
#include <utility>
#include <vector>

#include "latent/core/DecodeLatents.h"
#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"

namespace latent {

// How smoothly the decoder changes along straight latent paths: each step's image change
// (root mean square over the pixels) per unit of latent distance travelled.
struct Continuity {
    std::size_t steps = 0;              // steps per path
    std::vector<double> pathMeanRate;   // per measured path
    std::vector<double> pathLargestRate;
    double meanRate = 0.0;      // over every step of every path
    double largestRate = 0.0;   // the largest single step
    std::size_t worstPath = 0;  // the path with the largest step
    std::vector<Image> worstStrip;  // its steps + 1 decoded images
    std::size_t skippedPaths = 0;   // paths whose decoding had NaN/Inf, or whose ends coincide
};

// Paths between the latents of each pair, decoded in batches. Throws Error(Cancelled).
Continuity measureContinuity(const LatentBatch& latents, const std::vector<std::pair<std::size_t, std::size_t>>& pairs,
                             std::size_t steps, const DecodeFn& decode, const ProgressFn& progress = {});

}  // namespace latent
