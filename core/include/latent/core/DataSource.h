#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/ArrayConversion.h"
#include "latent/core/Dataset.h"
#include "latent/core/ImageFolder.h"
#include "latent/core/Progress.h"

namespace latent {

struct DataSourceOptions {
    std::string split = "test";                       // MNIST-style folders
    ChannelOrder channelOrder = ChannelOrder::First;  // 4-d .npy/.npz images
    std::string imagesArray;  // .npz: the images array ("" : 'images', 'x', or the first)
    std::string labelsArray;  // .npz: the labels array ("" : 'labels' or 'y' when present)
    ImageFolderOptions imageFolder;
};

struct LoadedData {
    Dataset dataset;
    std::string format;                // "MNIST-style IDX folder", ".npy", ...
    std::vector<SkippedFile> skipped;  // image folders only
};

// Loads images from whatever `path` is: a folder of MNIST-style IDX files, a folder of
// PNG/JPEG images, a .npy or .npz file, or a single IDX file (.idx, -ubyte, optionally .gz).
// Throws latent::Error with a message saying which formats were expected.
LoadedData loadDataSource(const std::filesystem::path& path, const DataSourceOptions& options = {},
                          const ProgressFn& progress = {});

}  // namespace latent
