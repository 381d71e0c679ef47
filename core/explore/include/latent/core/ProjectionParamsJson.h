#pragma once

#include <nlohmann/json.hpp>

#include "latent/core/Projection.h"

namespace latent {

// Projection parameters as sessions and saved UMAP models store them.
nlohmann::json projectionToJson(const ProjectionParams& params);

// Throws Error(BadFormat) for a missing or unknown method, or a value out of range.
ProjectionParams projectionFromJson(const nlohmann::json& json);

}  // namespace latent
