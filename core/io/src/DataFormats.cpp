#include "latent/core/DataFormats.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <fstream>

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

ExplorationData images(Dataset dataset, DataFormatId format, std::string description) {
    ExplorationData data;
    data.images.dataset = std::move(dataset);
    data.images.format = format;
    data.images.description = std::move(description);
    return data;
}

ExplorationData loadIdxFolder(const fs::path& path, const DataSourceOptions& options, const ProgressFn&) {
    return images(loadMnistStyleSplit(path, options.split), DataFormatId::IdxFolder, "MNIST-style IDX folder");
}

ExplorationData loadImages(const fs::path& path, const DataSourceOptions& options, const ProgressFn& progress) {
    auto folder = loadImageFolder(path, options.imageFolder, progress);
    folder.dataset.name = path.filename().string();
    auto data = images(std::move(folder.dataset), DataFormatId::ImageFolder, "image folder");
    data.images.skipped = std::move(folder.skipped);
    data.images.refitted = folder.refitted;
    return data;
}

// Read once: the rank says whether the array holds latents (N x D) or images.
ExplorationData loadNpy(const fs::path& path, const DataSourceOptions& options, const ProgressFn&) {
    const NumericArray array = readNpyFile(path);
    if (array.shape.size() != 2) {
        return images(datasetFromArray(array, options.channelOrder, quotedPath(path)), DataFormatId::NpyArray, ".npy");
    }
    ExplorationData data;
    data.latents = latentsFromArray(array, quotedPath(path));
    data.images.format = DataFormatId::NpyArray;
    data.images.description = ".npy latents";
    return data;
}

ExplorationData loadNpz(const fs::path& path, const DataSourceOptions& options, const ProgressFn&) {
    const auto arrays = readNpzFile(path);
    const std::string where = quotedPath(path);
    const NumericArray* pixels = pick(arrays, options.imagesArray, {"images", "x", "x_test"}, where);
    if (!pixels) pixels = &arrays.front().array;
    Dataset dataset = datasetFromArray(*pixels, options.channelOrder, where);
    if (const NumericArray* labels = pick(arrays, options.labelsArray, {"labels", "y", "y_test"}, where)) {
        dataset.labels = labelsFromArray(*labels, dataset.count, where + " labels");
    }
    return images(std::move(dataset), DataFormatId::NpzArchive, ".npz");
}

ExplorationData loadIdxFile(const fs::path& path, const DataSourceOptions&, const ProgressFn&) {
    return images(loadIdxDataset(path, {}), DataFormatId::IdxFile, "IDX file");
}

ExplorationData loadProjectorVectors(const fs::path& path, const DataSourceOptions&, const ProgressFn&) {
    ExplorationData data;
    data.latents = readVectorsTsv(path);
    data.images.format = DataFormatId::ProjectorVectors;
    data.images.description = "TensorBoard projector vectors";
    if (const fs::path meta = companionMetadataPath(path); !meta.empty()) {
        data.metadata = readMetadataFile(meta, HeaderRule::TensorBoard);
        data.metadata.checkJoinsWith(data.latents.count, quotedPath(meta));
        data.images.description += " + metadata";
    }
    return data;
}

const std::vector<DataFormat> kFormats = {
    {DataFormatId::IdxFolder, DataRole::Points, "MNIST-style IDX folder", "images and labels", false, true, {},
     loadIdxFolder},
    {DataFormatId::ImageFolder, DataRole::Points, "image folder", "PNG/JPEG images (class = sub-folder)", false, true,
     {}, loadImages},
    {DataFormatId::NpyArray, DataRole::Points, "NumPy array", "images, or latents (N x D)", true, false, {"*.npy"},
     loadNpy},
    {DataFormatId::NpzArchive, DataRole::Points, "NumPy archive", "images and labels", false, false, {"*.npz"}, loadNpz},
    {DataFormatId::IdxFile, DataRole::Points, "IDX file", "images", false, false,
     {"*.idx", "*.idx.gz", "*-ubyte", "*-ubyte.gz"}, loadIdxFile},
    {DataFormatId::ProjectorVectors, DataRole::Points, "TensorBoard projector vectors", "latents (+ metadata)", true,
     false, {"*.tsv"}, loadProjectorVectors},
    {DataFormatId::MetadataTable, DataRole::Metadata, "table", "columns joined to the points by row", false, false,
     {"*.csv", "*.tsv"}, nullptr},
};

char lowerCase(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// The file's first bytes against the magic numbers of the binary formats.
std::optional<DataFormatId> sniff(const fs::path& path) {
    std::array<char, 6> buffer{};
    std::ifstream in(path, std::ios::binary);
    in.read(buffer.data(), buffer.size());
    const std::string_view head(buffer.data(), static_cast<std::size_t>(in.gcount()));
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(head[i]); };
    if (head.starts_with("\x93NUMPY")) return DataFormatId::NpyArray;
    if (head.starts_with("PK\x03\x04")) return DataFormatId::NpzArchive;
    if (head.size() >= 2 && byte(0) == 0x1f && byte(1) == 0x8b) return DataFormatId::IdxFile;  // our only gzip
    if (head.size() < 4) return std::nullopt;
    const bool idxType = byte(2) == 0x08 || byte(2) == 0x09 || (byte(2) >= 0x0B && byte(2) <= 0x0E);
    if (byte(0) == 0 && byte(1) == 0 && idxType && byte(3) >= 1 && byte(3) <= 4) return DataFormatId::IdxFile;
    return std::nullopt;
}

}  // namespace

const std::vector<DataFormat>& dataFormats() { return kFormats; }

const DataFormat& dataFormat(DataFormatId id) {
    return *std::find_if(kFormats.begin(), kFormats.end(), [id](const DataFormat& f) { return f.id == id; });
}

bool matchesPattern(std::string_view name, std::string_view pattern) {
    // Iterative glob with one backtrack point: enough for '*' only.
    std::size_t n = 0, p = 0, star = std::string_view::npos, resume = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            resume = n;
        } else if (p < pattern.size() && lowerCase(pattern[p]) == lowerCase(name[n])) {
            ++p;
            ++n;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            n = ++resume;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

std::optional<DataFormatId> detectDataFormat(const fs::path& path, DataRole role) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
        if (role != DataRole::Points) return std::nullopt;
        if (hasMnistFiles(path)) return DataFormatId::IdxFolder;
        if (looksLikeImageFolder(path)) return DataFormatId::ImageFolder;
        return std::nullopt;
    }
    const std::string name = path.filename().string();
    for (const DataFormat& format : kFormats) {
        if (format.role != role) continue;
        for (const std::string& pattern : format.patterns) {
            if (matchesPattern(name, pattern)) return format.id;
        }
    }
    return role == DataRole::Points ? sniff(path) : std::nullopt;
}

}  // namespace latent
