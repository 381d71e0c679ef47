#pragma once

#include <filesystem>

namespace latent::app {

// The folder of the app's own files (the bundled model): <prefix>/share/latent-explorer for
// a binary in <prefix>/bin, found from the running binary's path, so an installed copy needs
// no compiled-in path. The build tree lays its resources out the same way (build/share/...).
std::filesystem::path resourceDir();
// The bundled Fashion-MNIST VAE, the model the app and the commands open by default.
std::filesystem::path bundledModel();
// Where Debian's dataset-fashion-mnist puts the data the bundled model was trained on.
inline const std::filesystem::path kDefaultDataDir = "/usr/share/datasets/fashion-mnist";

}  // namespace latent::app
