#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "latent/core/NumericArray.h"

namespace latent {

// Element types of the IDX format (the MNIST file format).
enum class IdxType : std::uint8_t {
    UInt8 = 0x08,
    Int8 = 0x09,
    Int16 = 0x0B,
    Int32 = 0x0C,
    Float32 = 0x0D,
    Float64 = 0x0E,
};

std::size_t idxElementSize(IdxType type);
ElementType elementTypeOf(IdxType type);

// An IDX array: its shape and its elements in host byte order.
struct IdxArray {
    IdxType type = IdxType::UInt8;
    std::vector<std::uint32_t> dims;
    std::vector<std::uint8_t> bytes;

    std::size_t elementCount() const;
    double value(std::size_t index) const;  // any element type, as a double
};

struct IdxReadLimits {
    std::size_t maxBytes = std::size_t{2} << 30;  // refuse arrays above 2 GiB
};

// Reads a plain or gzip-compressed IDX file. The declared shape is checked against
// the limit before anything is allocated, and data is read in chunks so a header that
// lies about its size fails as Truncated without allocating what it claims.
// Throws latent::Error (Io, BadFormat, Truncated, TooLarge).
IdxArray readIdxFile(const std::filesystem::path& path, const IdxReadLimits& limits = {});

// The same array in the form the other array readers (.npy, .npz) produce.
NumericArray toNumericArray(IdxArray array);

}  // namespace latent
