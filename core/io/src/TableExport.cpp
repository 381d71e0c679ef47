#include "latent/core/TableExport.h"

#include <charconv>

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/ProjectorTsv.h"

namespace latent {

void writeCoordinatesCsv(const std::filesystem::path& path, const LatentBatch& coords) {
    std::string out = "index";
    static const char* const kAxes[] = {"x", "y", "z"};
    for (std::size_t d = 0; d < coords.dim; ++d) {
        out += ',';
        out += coords.dim <= 3 ? std::string(kAxes[d]) : "d" + std::to_string(d);
    }
    out += '\n';
    const std::string body = encodeVectorsTsv(coords, ',');
    std::size_t start = 0;
    for (std::size_t i = 0; i < coords.count; ++i) {
        const std::size_t end = body.find('\n', start);
        out += std::to_string(i) + ',';
        out.append(body, start, end - start + 1);
        start = end + 1;
    }
    writeFileAtomically(path, out);
}

void writeIndexList(const std::filesystem::path& path, const std::vector<std::size_t>& indices) {
    std::string out;
    for (std::size_t i : indices) out += std::to_string(i) + '\n';
    writeFileAtomically(path, out);
}

std::vector<std::size_t> readIndexList(const std::filesystem::path& path, std::size_t pointCount,
                                       const ArrayReadLimits& limits) {
    const auto bytes = readFileBytes(path, limits.maxBytes);
    const std::string where = quotedPath(path);
    std::vector<std::size_t> indices;
    std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    for (std::size_t line = 1; !text.empty(); ++line) {
        const std::size_t cut = text.find('\n');
        std::string_view cell = text.substr(0, cut);
        text.remove_prefix(cut == std::string_view::npos ? text.size() : cut + 1);
        while (!cell.empty() && (cell.back() == '\r' || cell.back() == ' ')) cell.remove_suffix(1);
        if (cell.empty() || cell.front() == '#') continue;
        std::size_t index = 0;
        const auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), index);
        if (ec != std::errc() || end != cell.data() + cell.size()) {
            throw Error(ErrorKind::BadFormat, where + ", line " + std::to_string(line) + ": '" +
                                                  std::string(cell.substr(0, 40)) +
                                                  "' is not an index");
        }
        if (pointCount != 0 && index >= pointCount) {
            throw Error(ErrorKind::BadFormat, where + ", line " + std::to_string(line) +
                                                  ": index " + std::to_string(index) +
                                                  " is out of range (" +
                                                  std::to_string(pointCount) + " points)");
        }
        indices.push_back(index);
    }
    return indices;
}

}  // namespace latent
