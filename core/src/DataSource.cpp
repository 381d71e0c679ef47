#include "latent/core/DataSource.h"

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpzReader.h"
#include "latent/core/ProjectorTsv.h"

namespace latent {
namespace {

namespace fs = std::filesystem;

bool hasMnistFiles(const fs::path& dir) {
    for (const char* prefix : {"t10k-images-idx3-ubyte", "train-images-idx3-ubyte"}) {
        for (const char* ext : {"", ".gz"}) {
            if (fs::exists(dir / (std::string(prefix) + ext))) return true;
        }
    }
    return false;
}

const NumericArray* pick(const std::vector<NamedArray>& arrays, const std::string& wanted,
                         std::initializer_list<const char*> defaults, const std::string& where) {
    if (!wanted.empty()) return &findArray(arrays, wanted, where);
    for (const char* name : defaults) {
        for (const auto& a : arrays) {
            if (a.name == name) return &a.array;
        }
    }
    return nullptr;
}

Dataset fromNpz(const fs::path& path, const DataSourceOptions& options) {
    const auto arrays = readNpzFile(path);
    const std::string where = quotedPath(path);
    const NumericArray* images =
        pick(arrays, options.imagesArray, {"images", "x", "x_test"}, where);
    if (!images) images = &arrays.front().array;
    Dataset data = datasetFromArray(*images, options.channelOrder, where);
    if (const NumericArray* labels =
            pick(arrays, options.labelsArray, {"labels", "y", "y_test"}, where)) {
        data.labels = labelsFromArray(*labels, data.count, where + " labels");
    }
    return data;
}

}  // namespace

LoadedData loadDataSource(const fs::path& path, const DataSourceOptions& options,
                          const ProgressFn& progress) {
    LoadedData loaded;
    std::error_code ec;
    const std::string ext = path.extension().string();
    const std::string name = path.filename().string();
    if (fs::is_directory(path, ec)) {
        if (hasMnistFiles(path)) {
            loaded.dataset = loadMnistStyleSplit(path, options.split);
            loaded.format = "MNIST-style IDX folder";
        } else if (looksLikeImageFolder(path)) {
            auto result = loadImageFolder(path, options.imageFolder, progress);
            loaded.dataset = std::move(result.dataset);
            loaded.skipped = std::move(result.skipped);
            loaded.refitted = result.refitted;
            loaded.format = "image folder";
        } else {
            throw Error(
                ErrorKind::Io,
                quotedPath(path) + " holds neither MNIST-style IDX files nor PNG/JPEG images");
        }
        // Keep the MNIST loader's "name (split)"; other sources are named after the path.
        if (!hasMnistFiles(path)) loaded.dataset.name = name;
    } else if (ext == ".npy") {
        loaded.dataset =
            datasetFromArray(readNpyFile(path), options.channelOrder, quotedPath(path));
        loaded.format = ".npy";
    } else if (ext == ".npz") {
        loaded.dataset = fromNpz(path, options);
        loaded.format = ".npz";
    } else if (ext == ".idx" || name.find("-ubyte") != std::string::npos) {
        loaded.dataset = loadIdxDataset(path, {});
        loaded.format = "IDX file";
    } else {
        throw Error(ErrorKind::InvalidArgument,
                    quotedPath(path) +
                        " is not a known data source (expected a folder of IDX "
                        "files or images, a .npy, .npz or IDX file)");
    }
    if (!fs::is_directory(path, ec)) loaded.dataset.name = name;
    return loaded;
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

ExplorationData loadExplorationData(const fs::path& path, const DataSourceOptions& options,
                                    const ProgressFn& progress) {
    ExplorationData data;
    const std::string ext = path.extension().string();
    if (ext == ".tsv") {
        data.latents = readVectorsTsv(path);
        data.images.format = "TensorBoard projector vectors";
        if (const fs::path meta = companionMetadataPath(path); !meta.empty()) {
            data.metadata = readMetadataFile(meta, HeaderRule::TensorBoard);
            data.metadata.checkJoinsWith(data.latents.count, quotedPath(meta));
            data.images.format += " + metadata";
        }
    } else if (ext == ".npy") {
        // Read once: the rank says whether the array holds latents (N x D) or images.
        const NumericArray array = readNpyFile(path);
        if (array.shape.size() == 2) {
            data.latents = latentsFromArray(array, quotedPath(path));
            data.images.format = ".npy latents";
        } else {
            data.images.dataset = datasetFromArray(array, options.channelOrder, quotedPath(path));
            data.images.format = ".npy";
        }
    } else {
        data.images = loadDataSource(path, options, progress);
        return data;
    }
    data.images.dataset.name = path.filename().string();
    return data;
}

}  // namespace latent
