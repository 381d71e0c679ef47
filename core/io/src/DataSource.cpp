#include "latent/core/DataSource.h"

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/Shard.h"

namespace latent {
namespace {

namespace fs = std::filesystem;

// "a folder of IDX files or images, a .npy, .npz, .idx or .tsv file", from the registry.
std::string expectedFormats() {
    std::string files;
    for (const DataFormat& format : dataFormats()) {
        if (format.role != DataRole::Points) continue;
        for (const std::string& pattern : format.patterns) files += (files.empty() ? "" : ", ") + pattern.substr(1);
    }
    return "a folder of IDX files or images, or a file named " + files;
}

}  // namespace

ExplorationData loadExplorationData(const fs::path& path, const DataSourceOptions& options,
                                    const ProgressFn& progress) {
    const auto id = detectDataFormat(path);
    if (!id) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            throw Error(ErrorKind::Io, quotedPath(path) + " holds neither MNIST-style IDX files nor PNG/JPEG images");
        }
        throw Error(ErrorKind::InvalidArgument,
                    quotedPath(path) + " is not a known data source (expected " + expectedFormats() + ")");
    }
    const DataFormat& format = dataFormat(*id);
    ExplorationData data = format.load(path, options, progress);
    // The IDX folder loader names its split; the others are named after the path.
    if (*id != DataFormatId::IdxFolder) data.images.dataset.name = path.filename().string();
    return data;
}

LoadedData loadDataSource(const fs::path& path, const DataSourceOptions& options, const ProgressFn& progress) {
    DataSourceOptions sharded = options;
    sharded.imageFolder.shard = options.shard;
    ExplorationData data = loadExplorationData(path, sharded, progress);
    if (data.holdsLatents()) {
        throw Error(ErrorKind::InvalidArgument, quotedPath(path) + " holds " + std::to_string(data.latents.dim) +
                                                    "-d vectors, not images");
    }
    Dataset& images = data.images.dataset;
    if (options.shard.count > 1 && data.images.format != DataFormatId::ImageFolder) {
        const RowRange rows = shardRows(images.count, options.shard);
        images.keepRows(rows.first, rows.last);
    }
    return std::move(data.images);
}

fs::path companionMetadataPath(const fs::path& vectorsPath) {
    std::string name = vectorsPath.filename().string();
    const auto at = name.rfind("vectors");
    if (at == std::string::npos) return {};
    name.replace(at, 7, "metadata");
    const fs::path candidate = vectorsPath.parent_path() / name;
    std::error_code ec;
    return fs::is_regular_file(candidate, ec) ? candidate : fs::path();
}

}  // namespace latent
