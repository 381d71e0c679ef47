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

}  // namespace latent
