#include "latent/core/UmapModelFile.h"

#include <cstring>
#include <limits>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/JsonFields.h"
#include "latent/core/Model.h"
#include "latent/core/ProjectionParamsJson.h"

namespace latent {
namespace {

using nlohmann::json;
namespace fields = json_fields;

constexpr std::string_view kMagic = "latent-explorer-umap 1\n";
constexpr std::size_t kMaxBytes = std::size_t{16} << 30;

void appendFloats(std::string& out, const std::vector<float>& values) {
    out.append(reinterpret_cast<const char*>(values.data()), values.size() * sizeof(float));
}

[[noreturn]] void badFile(const std::filesystem::path& path, const std::string& why) {
    throw Error(ErrorKind::BadFormat, quotedPath(path) + " is not a saved UMAP model: " + why);
}

}  // namespace

void saveUmapModel(const std::filesystem::path& path, const UmapModel& model) {
    const LatentBatch& data = model.trainingData();
    const json header = {{"params", projectionToJson(model.params())},
                         {"count", data.count},
                         {"dim", data.dim},
                         {"epochs", model.epochs()},
                         {"initialisation", model.initialisation()}};
    std::string bytes(kMagic);
    bytes += header.dump() + "\n";
    appendFloats(bytes, data.values);
    appendFloats(bytes, model.embedding().values);
    writeFileAtomically(path, bytes);
}

UmapModel loadUmapModel(const std::filesystem::path& path) {
    const std::vector<std::uint8_t> bytes = readFileBytes(path, kMaxBytes);
    const std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
    if (!text.starts_with(kMagic)) badFile(path, "it does not start with \"latent-explorer-umap 1\"");
    const std::size_t headerEnd = text.find('\n', kMagic.size());
    if (headerEnd == std::string_view::npos) badFile(path, "its header line is cut short");
    json header;
    try {
        header = json::parse(text.substr(kMagic.size(), headerEnd - kMagic.size()));
    } catch (const json::exception&) {
        badFile(path, "its header is not JSON");
    }
    try {
        const ProjectionParams params = projectionFromJson(header.at("params"));
        if (params.method != ProjectionMethod::Umap) badFile(path, "it holds no UMAP map");
        const auto count = fields::integer<std::size_t>(header.at("count"), "count", 1, kMaxBytes);
        const auto dim = fields::integer<std::size_t>(header.at("dim"), "dim", 1, kMaxLatentDim);
        const int epochs = fields::integer(header.at("epochs"), "epochs", 1, param_limits::kMaxIterations);
        const auto dims = static_cast<std::size_t>(params.dims);
        const std::size_t arrays = text.size() - headerEnd - 1;
        // count and dim are bounded above, so these products cannot overflow.
        const std::size_t expected = count * (dim + dims) * sizeof(float);
        if (arrays < expected) {
            throw Error(ErrorKind::Truncated, quotedPath(path) + " is cut short: its arrays need " +
                                                  std::to_string(expected) + " bytes, it has " +
                                                  std::to_string(arrays));
        }
        if (arrays > expected) badFile(path, std::to_string(arrays - expected) + " bytes follow its arrays");
        LatentBatch data(count, dim);
        LatentBatch embedding(count, dims);
        const std::uint8_t* at = bytes.data() + headerEnd + 1;
        std::memcpy(data.values.data(), at, data.values.size() * sizeof(float));
        std::memcpy(embedding.values.data(), at + data.values.size() * sizeof(float),
                    embedding.values.size() * sizeof(float));
        return UmapModel::restore(std::move(data), std::move(embedding), params, epochs,
                                  header.value("initialisation", std::string()));
    } catch (const json::exception& e) {
        badFile(path, std::string("its header lacks a field (") + e.what() + ")");
    }
}

}  // namespace latent
