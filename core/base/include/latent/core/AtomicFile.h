#pragma once

#include <filesystem>
#include <string_view>

namespace latent {

// Writes `bytes` to `path` so that readers see the old file or the new one, never a torn
// mix: write a temporary file beside it, flush it to disk, then rename over the target.
// Throws Error(Io) naming the path; the target is untouched on failure.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace latent
