#pragma once

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>

#include "latent/core/NumericArray.h"

namespace latent {

// Parses a NumPy .npy file held in memory (format versions 1, 2 and 3). Accepts
// bool/uint8/int8/int16/int32/int64/float32/float64 in either byte order and C or Fortran
// order; the result is in host byte order and C order. `name` appears in messages, which
// give the byte offset of the first problem. The declared data size is checked against
// `limits` and against the bytes present before anything is allocated.
// Throws Error (BadFormat, Truncated, TooLarge).
NumericArray parseNpy(std::span<const std::uint8_t> bytes, const std::string& name,
                      const ArrayReadLimits& limits = {});

// Reads and parses a .npy file. Throws Error (Io, BadFormat, Truncated, TooLarge).
NumericArray readNpyFile(const std::filesystem::path& path, const ArrayReadLimits& limits = {});

}  // namespace latent
