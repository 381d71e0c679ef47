#include "latent/core/NpzReader.h"

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/NpyReader.h"
#include "ZipReader.h"

namespace latent {

std::vector<NamedArray> parseNpz(std::span<const std::uint8_t> bytes, const std::string& name,
                                 const ArrayReadLimits& limits) {
    const ZipReader zip(bytes, name);
    std::vector<NamedArray> arrays;
    std::size_t budget = limits.maxBytes;
    for (const ZipEntry& entry : zip.entries()) {
        const std::string suffix = ".npy";
        if (entry.name.size() <= suffix.size() ||
            entry.name.compare(entry.name.size() - suffix.size(), suffix.size(), suffix) != 0) {
            continue;
        }
        const auto member = zip.extract(entry, budget);
        budget -= member.size();
        NamedArray named;
        named.name = entry.name.substr(0, entry.name.size() - suffix.size());
        named.array = parseNpy(member, name + " member '" + entry.name + "'", limits);
        arrays.push_back(std::move(named));
    }
    if (arrays.empty()) throw Error(ErrorKind::BadFormat, name + " holds no .npy arrays");
    return arrays;
}

std::vector<NamedArray> readNpzFile(const std::filesystem::path& path,
                                    const ArrayReadLimits& limits) {
    const auto bytes = readFileBytes(path, limits.maxBytes);
    return parseNpz(bytes, quotedPath(path), limits);
}

const NumericArray& findArray(const std::vector<NamedArray>& arrays, const std::string& name,
                              const std::string& where) {
    std::string names;
    for (const auto& a : arrays) {
        if (a.name == name) return a.array;
        names += (names.empty() ? "" : ", ") + a.name;
    }
    throw Error(ErrorKind::InvalidArgument,
                where + " has no array '" + name + "' (it has: " + names + ")");
}

}  // namespace latent
