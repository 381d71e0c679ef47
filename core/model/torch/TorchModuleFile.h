#pragma once
// Loading one TorchScript file and reading what its graph reveals (private to core).

#include <torch/script.h>

#include <filesystem>
#include <optional>
#include <string>

namespace latent::detail {

// Loads a TorchScript file on the CPU, returning its embedded meta.json text in
// `metaJson` ("" when absent). A file that fails to load is diagnosed: Error(BadFormat)
// for a file that is not a ZIP archive or a torch.save pickle instead of TorchScript,
// Error(Truncated) for an archive cut short, Error(ModelContract) otherwise.
torch::jit::Module loadTorchModule(const std::filesystem::path& path, std::string& metaJson);

// The latent size `method` expects, read from the first linear or (transposed)
// convolution weight in its inlined graph; nullopt when no such layer is found.
std::optional<std::int64_t> latentSizeFromWeights(const torch::jit::Module& module,
                                                  const std::string& method);

}  // namespace latent::detail
