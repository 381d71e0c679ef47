#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace latent {

// One member of a ZIP archive, as its central directory describes it.
struct ZipEntry {
    std::string name;
    std::uint16_t method = 0;  // 0 stored, 8 deflated
    std::uint32_t crc = 0;
    std::size_t compressedSize = 0;
    std::size_t uncompressedSize = 0;
    std::size_t localHeaderOffset = 0;
};

// A minimal reader for ZIP archives held in memory (what numpy.savez writes): the
// central directory is read once; members are stored or deflated. Multi-disk archives,
// ZIP64 central directories and encrypted members are refused with a message.
// Every offset and size is checked against the buffer before use. Throws Error
// (BadFormat, Truncated, TooLarge).
class ZipReader {
public:
    // `bytes` must outlive the reader; `name` appears in messages.
    ZipReader(std::span<const std::uint8_t> bytes, std::string name);

    const std::vector<ZipEntry>& entries() const { return entries_; }

    // The member's bytes, checked against its CRC-32. Refuses members whose declared
    // size is above `maxBytes` before inflating anything.
    std::vector<std::uint8_t> extract(const ZipEntry& entry, std::size_t maxBytes) const;

private:
    void readCentralDirectory();
    std::span<const std::uint8_t> compressedData(const ZipEntry& entry) const;

    std::span<const std::uint8_t> bytes_;
    std::string name_;
    std::vector<ZipEntry> entries_;
};

}  // namespace latent
