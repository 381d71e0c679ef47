#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// A direction in latent space from group A to group B (e.g. "Sneaker" -> "Ankle boot",
// or two selections on the map): the difference of the group means, with a measure of
// how consistently individual pairs point that way (after Latent Space Cartography,
// Liu et al. 2019): a direction that is only an average of unrelated differences will
// not transfer to a new point.
struct AttributeVector {
    std::vector<float> direction;  // mean(B) - mean(A)
    double length = 0.0;
    // Mean cosine between random A->B pair differences and the direction: 1 = every
    // pair points the same way; near 0 = the average hides unrelated differences.
    double pairAgreement = 0.0;
    // Spread of those pair differences along the direction, relative to its length.
    double relativeSpread = 0.0;
    std::size_t pairsSampled = 0;
};

// Throws Error(InvalidArgument) for an empty group or an index out of range.
AttributeVector attributeVector(const LatentBatch& latents, const std::vector<std::size_t>& groupA,
                                const std::vector<std::size_t>& groupB, std::size_t pairs = 2000,
                                std::uint64_t seed = 7);

// point + amount * direction.
std::vector<float> applyAttribute(const std::vector<float>& point, const AttributeVector& attribute,
                                  double amount);

}  // namespace latent
