#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "latent/core/AtomicFile.h"  // writeFileAtomically, used with these readers

namespace latent {

// The whole content of a file. Refuses (Error TooLarge) a file above `maxBytes` before
// reading it; Error Io when it cannot be opened or read.
std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& path, std::size_t maxBytes);


// "'path'" for messages.
std::string quotedPath(const std::filesystem::path& path);

}  // namespace latent
