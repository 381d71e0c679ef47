#pragma once
// What the images a model decodes at load tell about it (private to core).

#include <torch/script.h>

#include <cstddef>

#include "latent/core/Model.h"

namespace latent::detail {

// Prior samples decoded at load besides the zero latent: enough that a tanh generator
// shows negative values in some of them.
inline constexpr std::size_t kProbeSamples = 8;

// Looks at the probe images, [N, C, H, W]: the zero latent's first, then the prior
// samples'. Adds a warning to `info` when any value is NaN or Inf. When no metadata
// states the value range and a value is negative, assumes [-1, 1] (tanh, as most GANs
// end) and lists "value_range" in info.probedFields.
void inspectProbeOutputs(const at::Tensor& images, bool valueRangeStated, ModelInfo& info);

}  // namespace latent::detail
