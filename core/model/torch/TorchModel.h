#pragma once
// Loading a TorchScript model (private to the model runtime).

#include <filesystem>
#include <memory>

#include "TorchRuntime.h"

namespace latent::detail {

// TorchRuntime::load: see Model::load (Model.h) for what it checks and throws.
std::unique_ptr<LoadedModel> loadTorchModel(const std::filesystem::path& path);

}  // namespace latent::detail
