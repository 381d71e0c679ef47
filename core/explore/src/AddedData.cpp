#include "latent/core/AddedData.h"

#include <system_error>

#include "latent/core/DataSource.h"
#include "latent/core/Error.h"
#include "latent/core/ImageResize.h"

namespace latent {
namespace {

bool sameFolder(const std::filesystem::path& a, const std::filesystem::path& b) {
    std::error_code ec;
    return std::filesystem::is_directory(a, ec) && std::filesystem::equivalent(a, b, ec);
}

}  // namespace

AddedData readAddedData(const std::filesystem::path& path, const Workspace& ws, const WorkspaceIdentity& identity,
                        const EncodeFn& encode, std::size_t limit, const ProgressFn& progress) {
    AddedData added;
    added.path = path;
    DataSourceOptions options;
    options.split = identity.split;
    if (sameFolder(path, identity.dataPath)) options.split = identity.split == "test" ? "train" : "test";
    options.imageFolder.fit = identity.folderFit;
    if (ws.model) options.imageFolder.target = ws.model->info().imageShape;
    if (identity.greyscale) options.imageFolder.target.channels = 1;
    ExplorationData data = loadExplorationData(path, options, progress);
    added.description = data.images.description;
    if (data.holdsLatents()) {
        if (data.latents.dim != ws.latents.dim) {
            throw Error(ErrorKind::InvalidArgument, "'" + path.filename().string() + "' holds latents of " +
                                                        std::to_string(data.latents.dim) + " dimensions; the map's have " +
                                                        std::to_string(ws.latents.dim));
        }
        added.total = data.latents.count;
        added.latents = std::move(data.latents);
        if (added.latents.count > limit) {
            added.latents.count = limit;
            added.latents.values.resize(limit * added.latents.dim);
        }
        return added;
    }
    if (!ws.model || !ws.model->info().hasEncoder) {
        throw Error(ErrorKind::InvalidArgument, "'" + path.filename().string() +
                                                    "' holds images, and placing images needs a model with an encoder");
    }
    Dataset& images = data.images.dataset;
    added.total = images.count;
    images.keepFirst(limit);
    const ImageShape& shape = ws.model->info().imageShape;
    if (images.shape != shape) {
        if (!resizeIsSensible(images.shape, shape)) {
            throw Error(ErrorKind::InvalidArgument, "'" + path.filename().string() + "' holds images the model cannot take: " +
                                                        describeResize(images.shape, shape, identity.resizeFilter));
        }
        added.note = describeResize(images.shape, shape, identity.resizeFilter);
        images = resizeDataset(images, shape, identity.resizeFilter);
    }
    if (data.images.refitted > 0) added.note = std::to_string(data.images.refitted) + " images fitted to the model";
    if (options.split != identity.split) added.description += " (" + options.split + " split)";
    added.latents = encode(std::make_shared<const Dataset>(std::move(images)));
    return added;
}

}  // namespace latent
