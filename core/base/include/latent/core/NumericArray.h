#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace latent {

// Element types the array readers (IDX, .npy, .npz) can hand over.
enum class ElementType : std::uint8_t { UInt8, Int8, Int16, Int32, Int64, Float32, Float64 };

std::size_t elementSize(ElementType type);
// The element of `type` stored (host byte order) at `p`, as a double.
double elementValue(ElementType type, const std::uint8_t* p);
const char* toString(ElementType type);  // "uint8", "float32", ...

// An n-dimensional array read from a file: shape and elements in host byte order,
// C (row-major) order whatever the file used.
struct NumericArray {
    ElementType type = ElementType::UInt8;
    std::vector<std::size_t> shape;
    std::vector<std::uint8_t> bytes;

    std::size_t elementCount() const;
    double value(std::size_t index) const;  // any element type, as a double
    std::string shapeText() const;          // "(10000, 28, 28)"
};

// How much one array (or one file) may take in memory; larger ones are refused.
struct ArrayReadLimits {
    std::size_t maxBytes = std::size_t{2} << 30;  // 2 GiB
};

// Multiplies `shape` into an element count, or returns false when it overflows or the
// bytes for `elementBytes`-sized elements would exceed `maxBytes`.
bool checkedByteCount(const std::vector<std::size_t>& shape, std::size_t elementBytes,
                      std::size_t maxBytes, std::size_t& bytes);

}  // namespace latent
