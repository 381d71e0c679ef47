#pragma once

#include <string>

#include "latent/core/Model.h"

namespace latent {

// The model contract check as JSON (for scripts): name, description, path, latent size,
// image shape, value range, encoder, class names, metadata source, probed fields,
// parameters, warnings.
std::string modelInfoJson(const ModelInfo& info);

// The same as aligned "key: value" lines for people, warnings last.
std::string modelInfoText(const ModelInfo& info);

// The value range as people read it: "[0, 255]", or "[-1, 1], assumed: the decoder
// returns negative values" when no metadata stated it.
std::string valueRangeText(const ModelInfo& info);

}  // namespace latent
