#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "latent/core/Progress.h"

namespace latent {

struct DataSourceOptions;
struct ExplorationData;

enum class DataFormatId {
    IdxFolder,         // a folder of MNIST-style IDX files (t10k-/train-images-idx3-ubyte[.gz])
    ImageFolder,       // a folder of PNG/JPEG images
    NpyArray,          // .npy: images (3-d or 4-d) or latents (N x D)
    NpzArchive,        // .npz: images and labels
    IdxFile,           // one IDX file, optionally gzipped
    ProjectorVectors,  // TensorBoard projector vectors .tsv (+ its metadata .tsv)
    MetadataTable,     // a CSV/TSV table joined to the points by row
};

// What opening a file of the format does: it becomes the map's points, or it labels them.
enum class DataRole { Points, Metadata };

// One file format the app reads: the one place that knows its name, its file names and how
// to recognise and load it. The CLI, the GUI's open dialogs and drag and drop use it.
struct DataFormat {
    DataFormatId id;
    DataRole role;
    std::string name;   // "NumPy array"
    std::string holds;  // "images or latents"
    bool mayHoldLatents;
    bool folder;  // opened as a folder (its contents decide), not a file
    // File-name patterns, lower case, matched case-insensitively ("*.npy", "*-ubyte.gz").
    std::vector<std::string> patterns;
    // Reads the points (null for metadata tables, which are joined to points instead).
    ExplorationData (*load)(const std::filesystem::path& path, const DataSourceOptions& options,
                            const ProgressFn& progress);
};

const std::vector<DataFormat>& dataFormats();
const DataFormat& dataFormat(DataFormatId id);

// Whether `fileName` matches `pattern` ("*" matches any run of characters), ignoring case.
bool matchesPattern(std::string_view fileName, std::string_view pattern);

// The format `path` is in, for `role`: a folder by what it holds; a file by its name, and
// failing that (points only) by its first bytes. nullopt when no format fits.
std::optional<DataFormatId> detectDataFormat(const std::filesystem::path& path, DataRole role = DataRole::Points);

}  // namespace latent
