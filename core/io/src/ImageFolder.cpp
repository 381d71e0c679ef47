#include "latent/core/ImageFolder.h"

#include <algorithm>
#include <map>

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/ImageFileReader.h"
#include "RasterFit.h"

namespace latent {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> listImages(const fs::path& folder) {
    std::vector<fs::path> paths;
    std::error_code ec;
    for (fs::recursive_directory_iterator
             it(folder, fs::directory_options::skip_permission_denied, ec),
         end;
         !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && isImagePath(it->path())) paths.push_back(it->path());
    }
    std::sort(paths.begin(), paths.end());
    return paths;
}

std::string classOf(const fs::path& folder, const fs::path& file) {
    const fs::path relative = file.lexically_relative(folder);
    return std::distance(relative.begin(), relative.end()) > 1 ? relative.begin()->string()
                                                               : "(none)";
}

}  // namespace

bool isImagePath(const fs::path& path) {
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return ext == ".png" || ext == ".jpg" || ext == ".jpeg";
}

Dataset loadImageFiles(const std::vector<fs::path>& files, const ImageShape& target, FitPolicy fit) {
    if (target.channels != 1 && target.channels != 3) {
        throw Error(ErrorKind::InvalidArgument,
                    "images are fitted to 1 or 3 channels, not " + std::to_string(target.channels));
    }
    Dataset data;
    data.shape = target;
    data.pixels.reserve(files.size() * target.pixelCount());
    for (const auto& file : files) {
        const auto pixels = fitRaster(readImageFile(file), target, fit);
        data.pixels.insert(data.pixels.end(), pixels.begin(), pixels.end());
        ++data.count;
    }
    return data;
}

bool looksLikeImageFolder(const fs::path& folder) {
    std::error_code ec;
    return fs::is_directory(folder, ec) && !listImages(folder).empty();
}

ImageFolderResult loadImageFolder(const fs::path& folder, const ImageFolderOptions& options,
                                  const ProgressFn& progress) {
    std::error_code ec;
    if (!fs::is_directory(folder, ec))
        throw Error(ErrorKind::Io, quotedPath(folder) + " is not a folder");
    const auto paths = listImages(folder);
    if (paths.empty()) {
        throw Error(ErrorKind::Io, quotedPath(folder) + " holds no .png, .jpg or .jpeg files");
    }
    bool classes = false;
    if (options.classesFromSubfolders) {
        classes = std::any_of(paths.begin(), paths.end(),
                              [&](const fs::path& p) { return classOf(folder, p) != "(none)"; });
    }
    std::map<std::string, int> classCode;
    if (classes) {
        for (const auto& p : paths) classCode.emplace(classOf(folder, p), 0);
        int code = 0;
        for (auto& [name, value] : classCode) value = code++;
    }

    ImageFolderResult result;
    Dataset& data = result.dataset;
    data.name = folder.filename().string();
    data.shape = options.target;
    const RowRange rows = shardRows(paths.size(), options.shard);
    for (std::size_t i = rows.first; i < rows.last; ++i) {
        Raster raster;
        try {
            raster = readImageFile(paths[i]);
        } catch (const Error& e) {
            result.skipped.push_back({paths[i], e.what()});
            continue;
        }
        ImageShape& t = data.shape;
        if (t.channels == 0) t.channels = raster.channels;
        if (t.height == 0) t.height = raster.height;
        if (t.width == 0) t.width = raster.width;
        if (t.channels != 1 && t.channels != 3) {
            throw Error(ErrorKind::InvalidArgument,
                        "image folders load as 1 or 3 channels, not " + std::to_string(t.channels));
        }
        if (data.count == 0 &&
            (t.pixelCount() == 0 || rows.size() > options.maxBytes / t.pixelCount())) {
            throw Error(ErrorKind::TooLarge,
                        quotedPath(folder) + ": " + std::to_string(rows.size()) + " images of " +
                            std::to_string(t.pixelCount()) + " bytes exceed the limit of " +
                            std::to_string(options.maxBytes) + " bytes");
        }
        const bool same =
            raster.width == t.width && raster.height == t.height && raster.channels == t.channels;
        if (!same) ++result.refitted;
        const auto pixels = fitRaster(raster, t, options.fit);
        data.pixels.insert(data.pixels.end(), pixels.begin(), pixels.end());
        if (classes) data.labels.push_back(classCode.at(classOf(folder, paths[i])));
        ++data.count;
        const std::size_t read = i + 1 - rows.first;
        if (progress && !progress(static_cast<double>(read) / static_cast<double>(rows.size()),
                                  "Reading image " + std::to_string(read) + " / " +
                                      std::to_string(rows.size()))) {
            throw Error(ErrorKind::Cancelled, "reading images cancelled");
        }
    }
    if (data.count == 0) {
        throw Error(ErrorKind::Io,
                    quotedPath(folder) + ": none of its " + std::to_string(rows.size()) +
                        " images could be read (first: " + result.skipped.front().reason + ")");
    }
    for (const auto& [name, code] : classCode) data.classNames.push_back(name);
    return result;
}

}  // namespace latent
