#include "latent/core/NpyWriter.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"

namespace latent {
namespace {

std::string descr(ElementType type) {
    switch (type) {
        case ElementType::UInt8:
            return "|u1";
        case ElementType::Int8:
            return "|i1";
        case ElementType::Int16:
            return "<i2";
        case ElementType::Int32:
            return "<i4";
        case ElementType::Int64:
            return "<i8";
        case ElementType::Float32:
            return "<f4";
        case ElementType::Float64:
            return "<f8";
    }
    return "|u1";
}

}  // namespace

std::string encodeNpy(const NumericArray& array) {
    std::size_t expected = 0;
    if (!checkedByteCount(array.shape, elementSize(array.type), array.bytes.size(), expected) ||
        expected != array.bytes.size()) {
        throw Error(ErrorKind::InvalidArgument,
                    "array data does not match its shape " + array.shapeText());
    }
    std::string header = "{'descr': '" + descr(array.type) +
                         "', 'fortran_order': False, 'shape': " + array.shapeText() + ", }";
    // Magic (6) + version (2) + length (2) + header + padding + '\n' is a multiple of 64.
    const std::size_t unpadded = 10 + header.size() + 1;
    header.append((64 - unpadded % 64) % 64, ' ');
    header += '\n';
    if (header.size() > 0xFFFF)
        throw Error(ErrorKind::InvalidArgument, "too many dimensions for .npy");

    std::string out = "\x93NUMPY";
    out += '\x01';
    out += '\x00';
    out += static_cast<char>(header.size() & 0xFF);
    out += static_cast<char>(header.size() >> 8);
    out += header;
    const std::size_t dataStart = out.size();
    out.append(reinterpret_cast<const char*>(array.bytes.data()), array.bytes.size());
    const std::size_t size = elementSize(array.type);
    if (std::endian::native == std::endian::big && size > 1) {
        for (std::size_t i = dataStart; i + size <= out.size(); i += size) {
            std::reverse(out.begin() + static_cast<std::ptrdiff_t>(i),
                         out.begin() + static_cast<std::ptrdiff_t>(i + size));
        }
    }
    return out;
}

void writeNpy(const std::filesystem::path& path, const NumericArray& array) {
    writeFileAtomically(path, encodeNpy(array));
}

void writeNpy(const std::filesystem::path& path, const LatentBatch& batch) {
    NumericArray array;
    array.type = ElementType::Float32;
    array.shape = {batch.count, batch.dim};
    array.bytes.resize(batch.values.size() * sizeof(float));
    std::memcpy(array.bytes.data(), batch.values.data(), array.bytes.size());
    writeNpy(path, array);
}

void writeNpy(const std::filesystem::path& path, const Dataset& data) {
    NumericArray array;
    const auto c = static_cast<std::size_t>(data.shape.channels);
    const auto h = static_cast<std::size_t>(data.shape.height);
    const auto w = static_cast<std::size_t>(data.shape.width);
    array.shape = c == 1 ? std::vector<std::size_t>{data.count, h, w}
                         : std::vector<std::size_t>{data.count, c, h, w};
    array.bytes = data.pixels;
    writeNpy(path, array);
}

}  // namespace latent
