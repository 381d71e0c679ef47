#pragma once

#include <filesystem>
#include <string_view>

namespace latent {

// Writes `bytes` to `path` so that readers see the old file or the new one, never a torn
// mix, even after a crash: write a temporary file of a unique name beside it, flush it to
// disk, rename it over the target, and flush the directory. Concurrent writes to one path
// leave one of them whole. Throws Error(Io) naming the path; the target is untouched on
// failure and no temporary file is left.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

}  // namespace latent
