#include "latent/core/FileAccess.h"

#include <fstream>

#include "latent/core/Error.h"

namespace latent {

std::string quotedPath(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

std::vector<std::uint8_t> readFileBytes(const std::filesystem::path& path, std::size_t maxBytes) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
        throw Error(ErrorKind::Io, quotedPath(path) + " is a folder, not a file");
    }
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot open " + quotedPath(path) + ": " + ec.message());
    if (size > maxBytes) {
        throw Error(ErrorKind::TooLarge, quotedPath(path) + " is " + std::to_string(size) +
                                             " bytes, above the limit of " +
                                             std::to_string(maxBytes));
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::Io, "cannot open " + quotedPath(path));
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    if (static_cast<std::size_t>(in.gcount()) != bytes.size()) {
        throw Error(ErrorKind::Io, "cannot read " + quotedPath(path));
    }
    return bytes;
}

}  // namespace latent
