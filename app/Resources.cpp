#include "Resources.h"

#include <system_error>

namespace latent::app {
namespace {

const std::filesystem::path kShared = "share/latent-explorer";
const std::filesystem::path kModel = "models/fashion_vae.pt";

}  // namespace

std::filesystem::path resourceDir() {
    std::error_code error;
    const auto bin = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
    // <prefix>/bin/latent-explorer, or <build>/app/latent-explorer: the folder above.
    return bin.parent_path() / kShared;
}

std::filesystem::path bundledModel() { return resourceDir() / kModel; }

}  // namespace latent::app
