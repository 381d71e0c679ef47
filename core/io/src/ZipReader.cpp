#include "ZipReader.h"

#include <zlib.h>

#include <algorithm>

#include "latent/core/Error.h"

namespace latent {
namespace {

constexpr std::uint32_t kEndOfDirectory = 0x06054b50;
constexpr std::uint32_t kZip64Locator = 0x07064b50;
constexpr std::uint32_t kDirectoryEntry = 0x02014b50;
constexpr std::uint32_t kLocalHeader = 0x04034b50;
constexpr std::size_t kEndSize = 22, kEntrySize = 46, kLocalSize = 30;

std::uint32_t read16(const std::uint8_t* p) {
    return std::uint32_t{p[0]} | std::uint32_t{p[1]} << 8;
}
std::uint32_t read32(const std::uint8_t* p) {
    return read16(p) | read16(p + 2) << 16;
}

}  // namespace

ZipReader::ZipReader(std::span<const std::uint8_t> bytes, std::string name)
    : bytes_(bytes), name_(std::move(name)) {
    readCentralDirectory();
}

void ZipReader::readCentralDirectory() {
    if (bytes_.size() < kEndSize) {
        throw Error(ErrorKind::Truncated, name_ + " is too short to be a ZIP archive");
    }
    // The end record sits in the last 22 + 65535 bytes (it may be followed by a comment).
    std::size_t end = bytes_.size() - kEndSize + 1;
    const std::size_t lowest = bytes_.size() - std::min(bytes_.size(), kEndSize + 0xFFFF);
    bool found = false;
    while (end-- > lowest) {
        if (read32(&bytes_[end]) == kEndOfDirectory) {
            found = true;
            break;
        }
    }
    if (!found) {
        throw Error(ErrorKind::BadFormat,
                    name_ + " is not a ZIP archive (no end-of-central-directory record)");
    }
    const std::uint8_t* e = &bytes_[end];
    const std::size_t count = read16(e + 10);
    const std::size_t dirSize = read32(e + 12), dirOffset = read32(e + 16);
    if (read16(e + 4) != 0 || read16(e + 6) != 0 || read16(e + 8) != count) {
        throw Error(ErrorKind::BadFormat, name_ + " is a multi-part ZIP archive (not supported)");
    }
    if (count == 0xFFFF || dirSize == 0xFFFFFFFF || dirOffset == 0xFFFFFFFF ||
        (end >= 20 && read32(&bytes_[end - 20]) == kZip64Locator)) {
        throw Error(ErrorKind::BadFormat,
                    name_ + " is a ZIP64 archive (over 4 GiB or 65535 members; not supported)");
    }
    if (dirOffset > end || dirSize > end - dirOffset) {
        throw Error(ErrorKind::Truncated, name_ + ": the central directory at offset " +
                                              std::to_string(dirOffset) + " lies outside the file");
    }
    std::size_t pos = dirOffset;
    const std::size_t dirEnd = dirOffset + dirSize;
    for (std::size_t i = 0; i < count; ++i) {
        if (dirEnd - pos < kEntrySize || read32(&bytes_[pos]) != kDirectoryEntry) {
            throw Error(ErrorKind::BadFormat, name_ + ": bad central directory entry " +
                                                  std::to_string(i) + " at offset " +
                                                  std::to_string(pos));
        }
        const std::uint8_t* h = &bytes_[pos];
        const std::size_t nameLength = read16(h + 28);
        const std::size_t variable = nameLength + read16(h + 30) + read16(h + 32);
        if (variable > dirEnd - pos - kEntrySize) {
            throw Error(ErrorKind::Truncated, name_ + ": central directory entry " +
                                                  std::to_string(i) + " at offset " +
                                                  std::to_string(pos) + " runs past its end");
        }
        ZipEntry entry;
        entry.name.assign(reinterpret_cast<const char*>(h + kEntrySize), nameLength);
        if (read16(h + 8) & 0x1) {
            throw Error(ErrorKind::BadFormat,
                        name_ + ": member '" + entry.name + "' is encrypted (not supported)");
        }
        entry.method = static_cast<std::uint16_t>(read16(h + 10));
        entry.crc = read32(h + 16);
        entry.compressedSize = read32(h + 20);
        entry.uncompressedSize = read32(h + 24);
        entry.localHeaderOffset = read32(h + 42);
        if (entry.compressedSize == 0xFFFFFFFF || entry.uncompressedSize == 0xFFFFFFFF ||
            entry.localHeaderOffset == 0xFFFFFFFF) {
            throw Error(ErrorKind::BadFormat,
                        name_ + ": member '" + entry.name + "' needs ZIP64 (not supported)");
        }
        entries_.push_back(std::move(entry));
        pos += kEntrySize + variable;
    }
}

std::span<const std::uint8_t> ZipReader::compressedData(const ZipEntry& entry) const {
    const std::size_t at = entry.localHeaderOffset;
    if (at > bytes_.size() || bytes_.size() - at < kLocalSize ||
        read32(&bytes_[at]) != kLocalHeader) {
        throw Error(ErrorKind::BadFormat, name_ + ": member '" + entry.name +
                                              "' has no local header at offset " +
                                              std::to_string(at));
    }
    // The local header's own name and extra lengths decide where the data starts (numpy
    // writes a ZIP64 extra field here even for small members).
    const std::size_t start = at + kLocalSize + read16(&bytes_[at + 26]) + read16(&bytes_[at + 28]);
    if (start > bytes_.size() || entry.compressedSize > bytes_.size() - start) {
        throw Error(ErrorKind::Truncated, name_ + ": member '" + entry.name + "' needs " +
                                              std::to_string(entry.compressedSize) +
                                              " bytes from offset " + std::to_string(start) +
                                              " but the archive ends at " +
                                              std::to_string(bytes_.size()));
    }
    return bytes_.subspan(start, entry.compressedSize);
}

std::vector<std::uint8_t> ZipReader::extract(const ZipEntry& entry, std::size_t maxBytes) const {
    const std::string member = name_ + ": member '" + entry.name + "'";
    if (entry.uncompressedSize > maxBytes) {
        throw Error(ErrorKind::TooLarge, member + " is " + std::to_string(entry.uncompressedSize) +
                                             " bytes, above the limit of " +
                                             std::to_string(maxBytes));
    }
    const auto data = compressedData(entry);
    std::vector<std::uint8_t> out;
    if (entry.method == 0) {
        if (entry.compressedSize != entry.uncompressedSize) {
            throw Error(ErrorKind::BadFormat, member + " is stored but its two sizes differ");
        }
        out.assign(data.begin(), data.end());
    } else if (entry.method == 8) {
        out.resize(entry.uncompressedSize);
        z_stream stream{};
        if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) {
            throw Error(ErrorKind::BadFormat, member + ": zlib could not start inflating");
        }
        // Sizes are below 4 GiB (no ZIP64), so they fit zlib's 32-bit counters.
        stream.next_in = const_cast<Bytef*>(data.data());
        stream.avail_in = static_cast<uInt>(data.size());
        std::uint8_t none = 0;  // zlib refuses a null output pointer, even for 0 bytes
        stream.next_out = out.empty() ? &none : out.data();
        stream.avail_out = static_cast<uInt>(out.size());
        const int status = inflate(&stream, Z_FINISH);
        const std::size_t produced = stream.total_out;
        inflateEnd(&stream);
        if (status != Z_STREAM_END || produced != out.size()) {
            throw Error(ErrorKind::BadFormat, member + " does not inflate to its declared " +
                                                  std::to_string(entry.uncompressedSize) +
                                                  " bytes (corrupt data)");
        }
    } else {
        throw Error(ErrorKind::BadFormat, member + " uses compression method " +
                                              std::to_string(entry.method) +
                                              " (only stored and deflated are supported)");
    }
    const auto crc = crc32(0L, out.data(), static_cast<uInt>(out.size()));
    if (crc != entry.crc) throw Error(ErrorKind::BadFormat, member + " fails its CRC-32 check");
    return out;
}

}  // namespace latent
