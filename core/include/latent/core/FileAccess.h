#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace latent {

// The whole content of a file. Refuses (Error TooLarge) a file above `maxBytes` before
// reading it; Error Io when it cannot be opened or read.
std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& path, std::size_t maxBytes);

// Writes `bytes` to a temporary file next to `path`, then renames it over `path`, so a
// reader never sees half a file. Throws Error(Io).
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes);

// "'path'" for messages.
std::string quotedPath(const std::filesystem::path& path);

}  // namespace latent
