#include "CommandSupport.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <iostream>

#include "TerminalProgress.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/DataSource.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"
#include "latent/core/NpyReader.h"

namespace latent::app {
namespace {

Dataset loadImages(const PointSource& o, const Model& model) {
    DataSourceOptions source;
    source.split = o.split;
    source.imageFolder.target = model.info().imageShape;
    LoadedData loaded = loadDataSource(o.data, source, terminalProgress());
    for (const auto& skipped : loaded.skipped) {
        std::cerr << "skipped " << skipped.path.string() << ": " << skipped.reason << "\n";
    }
    return std::move(loaded.dataset);
}

void checkIndices(const std::vector<ItemRequest>& requests, std::size_t count,
                  const std::string& noun) {
    for (const auto& r : requests) {
        if (r.index < count) continue;
        throw Error(ErrorKind::InvalidArgument,
                    r.option + " " + std::to_string(r.index) + " is out of range: there are " +
                        std::to_string(count) + " " + noun +
                        (count == 0 ? "" : " (0 to " + std::to_string(count - 1) + ")"));
    }
}

LatentBatch rowsOf(const LatentBatch& all, const std::vector<ItemRequest>& requests) {
    LatentBatch rows(requests.size(), all.dim);
    for (std::size_t i = 0; i < requests.size(); ++i) {
        std::copy_n(all.row(requests[i].index).begin(), all.dim, rows.row(i).begin());
    }
    return rows;
}

// Encodes only the requested images, not the whole dataset.
LatentBatch encodeItems(const Model& model, const Dataset& data,
                        const std::vector<ItemRequest>& requests) {
    Dataset items;
    items.shape = data.shape;
    items.count = requests.size();
    const std::size_t pixels = data.shape.pixelCount();
    for (const auto& r : requests) {
        const auto first = data.pixels.begin() + static_cast<std::ptrdiff_t>(r.index * pixels);
        items.pixels.insert(items.pixels.end(), first, first + static_cast<std::ptrdiff_t>(pixels));
    }
    return encodeDataset(model, items);
}

}  // namespace

std::string extensionOf(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext;
}

CLI::Validator acceptedBy(const std::function<void(const std::string&)>& parse) {
    return CLI::Validator(
        [parse](const std::string& value) {
            try {
                parse(value);
                return std::string();
            } catch (const Error& e) {
                return std::string(e.what());
            }
        },
        "");
}

CLI::Validator outputFile(const std::vector<std::string>& extensions) {
    std::string names;
    for (const auto& ext : extensions) names += (names.empty() ? "" : " or ") + ext;
    return CLI::Validator(
        [extensions, names](std::string& path) -> std::string {
            if (std::find(extensions.begin(), extensions.end(), extensionOf(path)) ==
                extensions.end()) {
                return "'" + path + "' must end in " + names;
            }
            const auto folder = std::filesystem::absolute(path).parent_path();
            std::error_code ec;
            if (!std::filesystem::is_directory(folder, ec)) {
                return "the folder of '" + path + "' does not exist";
            }
            return {};
        },
        "FILE" + names);
}

void addPointSourceOptions(CLI::App& cmd, PointSource& o) {
    auto* data = cmd.add_option("--data", o.data,
                                "images to encode: a folder of MNIST-style IDX files or of "
                                "PNG/JPEG images, a .npy/.npz file or an IDX file (default: the "
                                "Fashion-MNIST test split)")
                     ->check(CLI::ExistingPath);
    cmd.add_option("--split", o.split, "split of an IDX folder")
        ->check(CLI::IsMember({"test", "train"}));
    cmd.add_option("--latents", o.latents, "use the rows of this N x D .npy file instead of --data")
        ->check(CLI::ExistingFile)
        ->excludes(data);
}

SourcePoints loadPoints(const PointSource& source, const Model& model,
                        const std::vector<ItemRequest>& requests, bool wantAll) {
    SourcePoints points;
    if (!source.latents.empty()) {
        points.all = latentsFromArray(readNpyFile(source.latents), "'" + source.latents + "'");
        checkIndices(requests, points.all.count, "latents in " + source.latents);
        points.items = rowsOf(points.all, requests);
        return points;
    }
    const Dataset data = loadImages(source, model);
    checkIndices(requests, data.count, "images in " + source.data);
    if (wantAll) {
        auto encoded = encodeDatasetWithLogvar(model, data, 256, terminalProgress());
        points.all = std::move(encoded.mu);
        points.allLogvars = std::move(encoded.logvar);
        points.items = rowsOf(points.all, requests);
    } else {
        points.items = encodeItems(model, data, requests);
    }
    return points;
}

}  // namespace latent::app
