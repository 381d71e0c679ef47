#include "latent/core/NpyReader.h"

#include <algorithm>
#include <bit>
#include <cstring>

#include "NpyHeader.h"
#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"

namespace latent {
namespace {

constexpr std::uint8_t kMagic[6] = {0x93, 'N', 'U', 'M', 'P', 'Y'};

struct Dtype {
    ElementType type;
    bool bigEndian;
};

// '<f4', '>i8', '|u1', '|b1', '=f8' ... anything else (strings, objects, complex,
// structured records) is refused with the descr quoted.
Dtype parseDescr(const std::string& descr, const std::string& where) {
    auto unsupported = [&] {
        return Error(ErrorKind::BadFormat,
                     where + ": unsupported dtype '" + descr +
                         "' (supported: bool, uint8, int8, int16, int32, int64, float32, float64)");
    };
    if (descr.size() != 3) throw unsupported();
    const char order = descr[0], kind = descr[1], size = descr[2];
    if (order != '<' && order != '>' && order != '|' && order != '=') throw unsupported();
    Dtype d{ElementType::UInt8,
            order == '>' || (order == '=' && std::endian::native == std::endian::big)};
    if ((kind == 'u' || kind == 'b') && size == '1')
        d.type = ElementType::UInt8;
    else if (kind == 'i' && size == '1')
        d.type = ElementType::Int8;
    else if (kind == 'i' && size == '2')
        d.type = ElementType::Int16;
    else if (kind == 'i' && size == '4')
        d.type = ElementType::Int32;
    else if (kind == 'i' && size == '8')
        d.type = ElementType::Int64;
    else if (kind == 'f' && size == '4')
        d.type = ElementType::Float32;
    else if (kind == 'f' && size == '8')
        d.type = ElementType::Float64;
    else
        throw unsupported();
    return d;
}

std::uint32_t littleEndian(const std::uint8_t* p, int bytes) {
    std::uint32_t v = 0;
    for (int i = bytes - 1; i >= 0; --i) v = (v << 8) | p[i];
    return v;
}

void swapBytes(std::vector<std::uint8_t>& bytes, std::size_t size) {
    if (size == 1) return;
    for (std::size_t i = 0; i + size <= bytes.size(); i += size) {
        std::reverse(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                     bytes.begin() + static_cast<std::ptrdiff_t>(i + size));
    }
}

// Fortran order stores the first axis fastest; walk the source in that order while
// tracking where each element lands in C order.
std::vector<std::uint8_t> fortranToC(const std::vector<std::uint8_t>& src,
                                     const std::vector<std::size_t>& shape, std::size_t size) {
    const std::size_t rank = shape.size();
    if (rank < 2 || src.empty()) return src;
    std::vector<std::uint8_t> dst(src.size());
    std::vector<std::size_t> cStride(rank, 1);
    for (std::size_t k = rank - 1; k > 0; --k) cStride[k - 1] = cStride[k] * shape[k];
    std::vector<std::size_t> index(rank, 0);
    std::size_t cOffset = 0;
    const std::size_t count = src.size() / size;
    for (std::size_t f = 0; f < count; ++f) {
        std::memcpy(dst.data() + cOffset * size, src.data() + f * size, size);
        for (std::size_t k = 0; k < rank; ++k) {
            if (++index[k] < shape[k]) {
                cOffset += cStride[k];
                break;
            }
            cOffset -= (shape[k] - 1) * cStride[k];
            index[k] = 0;
        }
    }
    return dst;
}

}  // namespace

NumericArray parseNpy(std::span<const std::uint8_t> bytes, const std::string& name,
                      const ArrayReadLimits& limits) {
    if (bytes.size() < 10) {
        throw Error(ErrorKind::Truncated, name + " ends before the 10-byte .npy preamble");
    }
    if (!std::equal(std::begin(kMagic), std::end(kMagic), bytes.begin())) {
        throw Error(ErrorKind::BadFormat,
                    name + " is not a .npy file (bad magic at offset 0, expected \\x93NUMPY)");
    }
    const int major = bytes[6];
    if (major < 1 || major > 3) {
        throw Error(ErrorKind::BadFormat, name + ": unsupported .npy format version " +
                                              std::to_string(major) + " at offset 6 (1-3 known)");
    }
    const std::size_t lengthBytes = major == 1 ? 2 : 4;
    if (bytes.size() < 8 + lengthBytes) {
        throw Error(ErrorKind::Truncated, name + " ends inside the .npy header length");
    }
    const std::size_t headerLength = littleEndian(bytes.data() + 8, static_cast<int>(lengthBytes));
    const std::size_t dataOffset = 8 + lengthBytes + headerLength;
    if (headerLength > bytes.size() - 8 - lengthBytes) {
        throw Error(ErrorKind::Truncated, name + " declares a " + std::to_string(headerLength) +
                                              "-byte header but ends at offset " +
                                              std::to_string(bytes.size()));
    }
    const std::string_view headerText(reinterpret_cast<const char*>(bytes.data()) + 8 + lengthBytes,
                                      headerLength);
    const npy::HeaderFields fields = npy::parseHeaderDict(headerText, name);
    const Dtype dtype = parseDescr(fields.descr, name);

    NumericArray array;
    array.type = dtype.type;
    array.shape = fields.shape;
    const std::size_t size = elementSize(dtype.type);
    std::size_t dataBytes = 0;
    if (!checkedByteCount(array.shape, size, limits.maxBytes, dataBytes)) {
        throw Error(ErrorKind::TooLarge, name + ": shape " + array.shapeText() + " of " +
                                             toString(dtype.type) +
                                             " exceeds the memory limit of " +
                                             std::to_string(limits.maxBytes) + " bytes");
    }
    const std::size_t available = bytes.size() - dataOffset;
    if (dataBytes > available) {
        throw Error(ErrorKind::Truncated, name + " is truncated: shape " + array.shapeText() +
                                              " needs " + std::to_string(dataBytes) +
                                              " bytes from offset " + std::to_string(dataOffset) +
                                              " but only " + std::to_string(available) +
                                              " are there");
    }
    if (dataBytes < available) {
        throw Error(ErrorKind::BadFormat, name + " has " + std::to_string(available - dataBytes) +
                                              " bytes after its data (from offset " +
                                              std::to_string(dataOffset + dataBytes) + ")");
    }
    array.bytes.assign(bytes.begin() + static_cast<std::ptrdiff_t>(dataOffset), bytes.end());
    if (dtype.bigEndian != (std::endian::native == std::endian::big)) swapBytes(array.bytes, size);
    if (fields.fortranOrder) array.bytes = fortranToC(array.bytes, array.shape, size);
    return array;
}

NumericArray readNpyFile(const std::filesystem::path& path, const ArrayReadLimits& limits) {
    // The header is at most a few kilobytes beyond the data it describes.
    const auto bytes = readFileBytes(path, limits.maxBytes + (std::size_t{1} << 20));
    return parseNpy(bytes, quotedPath(path), limits);
}

}  // namespace latent
