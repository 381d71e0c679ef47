#pragma once

#include <string>

#include "latent/core/Model.h"

namespace latent {

// The model contract check as JSON (for scripts): name, description, path, latent size,
// image shape, value range, encoder, class names, metadata source, parameters.
std::string modelInfoJson(const ModelInfo& info);

// The same as aligned "key: value" lines for people.
std::string modelInfoText(const ModelInfo& info);

}  // namespace latent
