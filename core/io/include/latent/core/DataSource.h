#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/ArrayConversion.h"
#include "latent/core/DataFormats.h"
#include "latent/core/Dataset.h"
#include "latent/core/ImageFolder.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/Progress.h"

namespace latent {

struct DataSourceOptions {
    std::string split = "test";                       // MNIST-style folders
    ChannelOrder channelOrder = ChannelOrder::First;  // 4-d .npy/.npz images
    std::string imagesArray;  // .npz: the images array ("" : 'images', 'x', or the first)
    std::string labelsArray;  // .npz: the labels array ("" : 'labels' or 'y' when present)
    ImageFolderOptions imageFolder;
    // loadDataSource only: keep this shard of the images (image folders read only its files).
    Shard shard;
};

struct LoadedData {
    Dataset dataset;
    DataFormatId format = DataFormatId::IdxFolder;
    std::string description;           // "MNIST-style IDX folder", ".npy latents", ...
    std::vector<SkippedFile> skipped;  // image folders only
    std::size_t refitted = 0;          // image folders: images resized, cropped or converted
};

// Loads images from whatever `path` is (see dataFormats()): a folder of MNIST-style IDX
// files, a folder of PNG/JPEG images, a .npy or .npz file, or a single IDX file (.idx,
// -ubyte, optionally .gz). Throws latent::Error with a message saying which formats were
// expected.
LoadedData loadDataSource(const std::filesystem::path& path, const DataSourceOptions& options = {},
                          const ProgressFn& progress = {});

// What an exploration opens: images (as loadDataSource reads them) or precomputed latents.
struct ExplorationData {
    LoadedData images;       // images.dataset.count == 0 when the source holds latents
    LatentBatch latents;     // count > 0 for latent sources
    MetadataTable metadata;  // a projector vectors file's companion metadata, when found
    bool holdsLatents() const { return latents.count > 0; }
};

// Reads `path` in the format detectDataFormat() finds: images as loadDataSource does, or
// precomputed latents: a TensorBoard projector vectors .tsv (with the metadata .tsv next to
// it: the file name with "vectors" replaced by "metadata", when there is one) or a 2-d
// (N x D) .npy array. Throws latent::Error.
ExplorationData loadExplorationData(const std::filesystem::path& path,
                                    const DataSourceOptions& options = {},
                                    const ProgressFn& progress = {});

// The projector metadata file that goes with a vectors file, or "" when there is none.
std::filesystem::path companionMetadataPath(const std::filesystem::path& vectorsPath);

}  // namespace latent
