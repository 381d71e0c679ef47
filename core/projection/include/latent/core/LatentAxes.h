#pragma once

#include <cstddef>
#include <span>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// A map with no projection at all: the coordinates are 2 or 3 chosen latent dimensions.
// Decoding a position is exact: the chosen dimensions take the position's values and every
// other dimension takes a reference value, the data mean, i.e. the most typical value of
// each dimension not shown (the same choice the PCA inverse makes for dropped components).
class LatentAxes {
public:
    // Throws Error(InvalidArgument) unless `axes` holds 2 or 3 distinct dimensions of the
    // latents, or when the latents are empty or hold NaN/Inf.
    static LatentAxes fit(const LatentBatch& latents, std::vector<int> axes);

    const std::vector<int>& axes() const { return axes_; }
    std::size_t inputDim() const { return reference_.size(); }
    const std::vector<float>& reference() const { return reference_; }

    LatentBatch transform(const LatentBatch& latents) const;
    std::vector<float> transform(std::span<const float> latent) const;
    // The reference latent with the chosen dimensions set to `coords`.
    std::vector<float> inverse(std::span<const float> coords) const;

private:
    std::vector<int> axes_;
    std::vector<float> reference_;
};

}  // namespace latent
