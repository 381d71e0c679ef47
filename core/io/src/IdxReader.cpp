#include "latent/core/IdxReader.h"

#include <zlib.h>

#include <algorithm>
#include <bit>
#include <limits>
#include <memory>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

struct GzCloser {
    void operator()(gzFile_s* f) const { gzclose(f); }
};
using GzFile = std::unique_ptr<gzFile_s, GzCloser>;

std::string describe(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

// Reads up to `size` bytes; returns how many were read. gzread reads plain files too.
std::size_t readSome(gzFile file, std::uint8_t* out, std::size_t size,
                     const std::filesystem::path& path) {
    std::size_t total = 0;
    while (total < size) {
        const auto chunk = static_cast<unsigned>(std::min<std::size_t>(size - total, 1u << 20));
        const int got = gzread(file, out + total, chunk);
        if (got < 0) {
            int code = 0;
            const char* msg = gzerror(file, &code);
            throw Error(ErrorKind::BadFormat,
                        describe(path) + " is not a readable gzip/IDX file (" + msg + ")");
        }
        if (got == 0) break;
        total += static_cast<std::size_t>(got);
    }
    return total;
}

bool isKnownType(std::uint8_t code) {
    switch (code) {
        case 0x08: case 0x09: case 0x0B: case 0x0C: case 0x0D: case 0x0E: return true;
        default: return false;
    }
}

void swapToHostOrder(std::vector<std::uint8_t>& bytes, std::size_t elementSize) {
    if constexpr (std::endian::native == std::endian::big) return;
    if (elementSize == 1) return;
    for (std::size_t i = 0; i + elementSize <= bytes.size(); i += elementSize) {
        std::reverse(bytes.begin() + static_cast<std::ptrdiff_t>(i),
                     bytes.begin() + static_cast<std::ptrdiff_t>(i + elementSize));
    }
}

}  // namespace

ElementType elementTypeOf(IdxType type) {
    switch (type) {
        case IdxType::UInt8: return ElementType::UInt8;
        case IdxType::Int8: return ElementType::Int8;
        case IdxType::Int16: return ElementType::Int16;
        case IdxType::Int32: return ElementType::Int32;
        case IdxType::Float32: return ElementType::Float32;
        case IdxType::Float64: return ElementType::Float64;
    }
    return ElementType::UInt8;
}

std::size_t idxElementSize(IdxType type) { return elementSize(elementTypeOf(type)); }

std::size_t IdxArray::elementCount() const { return bytes.size() / idxElementSize(type); }

double IdxArray::value(std::size_t index) const {
    return elementValue(elementTypeOf(type), bytes.data() + index * idxElementSize(type));
}

NumericArray toNumericArray(IdxArray array) {
    NumericArray out;
    out.type = elementTypeOf(array.type);
    out.shape.assign(array.dims.begin(), array.dims.end());
    out.bytes = std::move(array.bytes);
    return out;
}

IdxArray readIdxFile(const std::filesystem::path& path, const IdxReadLimits& limits) {
    GzFile file(gzopen(path.string().c_str(), "rb"));
    if (!file) throw Error(ErrorKind::Io, "cannot open " + describe(path));

    std::uint8_t magic[4] = {};
    if (readSome(file.get(), magic, 4, path) != 4) {
        throw Error(ErrorKind::Truncated, describe(path) + " ends before the 4-byte IDX header");
    }
    if (magic[0] != 0 || magic[1] != 0 || !isKnownType(magic[2]) || magic[3] == 0) {
        throw Error(ErrorKind::BadFormat,
                    describe(path) + " is not an IDX file (bad magic number)");
    }
    IdxArray array;
    array.type = static_cast<IdxType>(magic[2]);
    const std::size_t rank = magic[3];

    std::vector<std::uint8_t> header(rank * 4);
    if (readSome(file.get(), header.data(), header.size(), path) != header.size()) {
        throw Error(ErrorKind::Truncated, describe(path) + " ends inside its dimension list");
    }
    const std::size_t elementSize = idxElementSize(array.type);
    std::size_t total = elementSize;
    for (std::size_t d = 0; d < rank; ++d) {
        const std::uint32_t dim = (std::uint32_t{header[4 * d]} << 24) |
                                  (std::uint32_t{header[4 * d + 1]} << 16) |
                                  (std::uint32_t{header[4 * d + 2]} << 8) | header[4 * d + 3];
        array.dims.push_back(dim);
        if (dim != 0 && total > std::numeric_limits<std::size_t>::max() / dim) {
            throw Error(ErrorKind::TooLarge, describe(path) + " declares a size that overflows");
        }
        total *= dim;
    }
    if (total > limits.maxBytes) {
        throw Error(ErrorKind::TooLarge,
                    describe(path) + " declares " + std::to_string(total) +
                        " bytes of data, above the limit of " + std::to_string(limits.maxBytes));
    }

    // Grow as data actually arrives, so a lying header cannot make us allocate.
    constexpr std::size_t kChunk = std::size_t{8} << 20;
    while (array.bytes.size() < total) {
        const std::size_t before = array.bytes.size();
        const std::size_t want = std::min(kChunk, total - before);
        array.bytes.resize(before + want);
        const std::size_t got = readSome(file.get(), array.bytes.data() + before, want, path);
        if (got < want) {
            throw Error(ErrorKind::Truncated,
                        describe(path) + " is truncated: it declares " + std::to_string(total) +
                            " bytes of data but holds only " + std::to_string(before + got));
        }
    }
    std::uint8_t extra = 0;
    if (readSome(file.get(), &extra, 1, path) != 0) {
        throw Error(ErrorKind::BadFormat,
                    describe(path) + " has more data than its header declares");
    }
    swapToHostOrder(array.bytes, elementSize);
    return array;
}

}  // namespace latent
