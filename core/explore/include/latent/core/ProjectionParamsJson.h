#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "latent/core/Projection.h"

namespace latent {

// Projection parameters as sessions and saved UMAP models store them.
nlohmann::json projectionToJson(const ProjectionParams& params);

// Throws Error(BadFormat) for a missing or unknown method, or a value out of range.
ProjectionParams projectionFromJson(const nlohmann::json& json);

// The names of a metric and a t-SNE repulsion, the same in files and on the command line
// ("euclidean", "barnes-hut", ...). The lookups throw Error(BadFormat) for an unknown name.
std::vector<std::string> metricNames();
Metric metricNamed(const std::string& name);
std::vector<std::string> tsneRepulsionNames();
TsneRepulsion tsneRepulsionNamed(const std::string& name);

}  // namespace latent
