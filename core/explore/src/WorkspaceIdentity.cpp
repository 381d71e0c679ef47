#include "latent/core/WorkspaceIdentity.h"

#include <bit>

namespace {

// Rotating before each multiply keeps the order of the fields in the hash.
void combine(std::size_t& seed, std::size_t value) {
    seed = (std::rotl(seed, 17) ^ value) * 0x9E3779B97F4A7C15ull;
}

}  // namespace

std::size_t std::hash<latent::WorkspaceIdentity>::operator()(const latent::WorkspaceIdentity& id) const noexcept {
    std::size_t seed = 0;
    combine(seed, std::filesystem::hash_value(id.modelPath));
    combine(seed, std::filesystem::hash_value(id.dataPath));
    combine(seed, std::hash<std::string>{}(id.split));
    combine(seed, id.limit);
    combine(seed, std::filesystem::hash_value(id.metadataPath));
    combine(seed, static_cast<std::size_t>(id.folderFit));
    combine(seed, id.greyscale ? 1u : 0u);
    combine(seed, static_cast<std::size_t>(id.resizeFilter));
    combine(seed, id.priorSamples);
    combine(seed, static_cast<std::size_t>(id.priorSeed));
    return seed;
}
