#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "latent/core/NumericArray.h"

namespace latent {

// One array of a .npz archive, named as numpy.savez named it ("arr_0", "images", ...).
struct NamedArray {
    std::string name;
    NumericArray array;
};

// Parses a .npz archive (numpy.savez or savez_compressed) held in memory: every member
// ending in .npy, in archive order. The sum of the members' sizes must stay within
// `limits`. Throws Error (BadFormat, Truncated, TooLarge).
std::vector<NamedArray> parseNpz(std::span<const std::uint8_t> bytes, const std::string& name,
                                 const ArrayReadLimits& limits = {});

std::vector<NamedArray> readNpzFile(const std::filesystem::path& path,
                                    const ArrayReadLimits& limits = {});

// The array called `name`, or Error(InvalidArgument) listing the names there are.
const NumericArray& findArray(const std::vector<NamedArray>& arrays, const std::string& name,
                              const std::string& where);

}  // namespace latent
