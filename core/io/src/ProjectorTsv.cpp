#include "latent/core/ProjectorTsv.h"

#include <charconv>
#include <cmath>
#include <string>

#include "DelimitedText.h"
#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"

namespace latent {

LatentBatch parseVectorsTsv(std::string_view text, const std::string& where) {
    const auto rows = splitDelimited(text, '\t', where);
    if (rows.empty()) throw Error(ErrorKind::BadFormat, where + " is empty (no vectors)");
    LatentBatch batch;
    batch.dim = rows.front().cells.size();
    batch.count = rows.size();
    batch.values.reserve(batch.count * batch.dim);
    for (const TextRow& row : rows) {
        if (row.cells.size() != batch.dim) {
            throw Error(ErrorKind::BadFormat, where + ", line " + std::to_string(row.line) + ": " +
                                                  std::to_string(row.cells.size()) +
                                                  " values, but line " +
                                                  std::to_string(rows.front().line) + " has " +
                                                  std::to_string(batch.dim) + " (ragged rows)");
        }
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            double v = 0.0;
            if (!parseFiniteNumber(row.cells[c], v) || std::fabs(v) > 3.4e38) {
                throw Error(ErrorKind::BadFormat, where + ", line " + std::to_string(row.line) +
                                                      ", column " + std::to_string(c + 1) + ": '" +
                                                      row.cells[c].substr(0, 40) +
                                                      "' is not a finite number");
            }
            batch.values.push_back(static_cast<float>(v));
        }
    }
    return batch;
}

LatentBatch readVectorsTsv(const std::filesystem::path& path, const ArrayReadLimits& limits) {
    const auto bytes = readFileBytes(path, limits.maxBytes);
    return parseVectorsTsv(
        std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()),
        quotedPath(path));
}

std::string encodeVectorsTsv(const LatentBatch& batch, char delimiter) {
    std::string out;
    out.reserve(batch.values.size() * 12);
    char buffer[32];
    for (std::size_t i = 0; i < batch.count; ++i) {
        for (std::size_t d = 0; d < batch.dim; ++d) {
            if (d) out += delimiter;
            const auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, batch.row(i)[d]);
            out.append(buffer, end);
        }
        out += '\n';
    }
    return out;
}

void writeVectorsTsv(const std::filesystem::path& path, const LatentBatch& batch) {
    writeFileAtomically(path, encodeVectorsTsv(batch));
}

}  // namespace latent
