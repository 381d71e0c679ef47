#include "latent/core/DecodeLatents.h"

#include <algorithm>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"
#include "latent/core/ImageIo.h"

namespace latent {

DecodeFn decoderOf(const Model& model) {
    return [&model](const LatentBatch& latents) { return decodeLatents(model, latents, 64); };
}

std::vector<Image> decodeLatents(const Model& model, const LatentBatch& latents,
                                 std::size_t batchSize, const ProgressFn& progress) {
    const std::size_t dim = model.info().latentDim;
    if (latents.dim != dim) {
        throw Error(ErrorKind::InvalidArgument, "the latents have " + std::to_string(latents.dim) +
                                                    " dimensions but the model expects " +
                                                    std::to_string(dim));
    }
    batchSize = std::max<std::size_t>(batchSize, 1);
    std::vector<Image> images;
    images.reserve(latents.count);
    for (std::size_t first = 0; first < latents.count; first += batchSize) {
        const std::size_t n = std::min(batchSize, latents.count - first);
        LatentBatch part(n, dim);
        std::copy_n(latents.values.begin() + static_cast<std::ptrdiff_t>(first * dim), n * dim,
                    part.values.begin());
        for (Image& image : model.decode(part)) images.push_back(std::move(image));
        const std::size_t done = first + n;
        if (progress && !progress(static_cast<double>(done) / static_cast<double>(latents.count),
                                  "Decoding " + std::to_string(done) + " / " +
                                      std::to_string(latents.count) + " latents")) {
            throw Error(ErrorKind::Cancelled, "decoding cancelled");
        }
    }
    return images;
}

std::vector<std::filesystem::path> writeImageFiles(const std::filesystem::path& dir,
                                                   const std::vector<Image>& images, int scale) {
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot create " + quotedPath(dir) + ": " + ec.message());
    const std::size_t digits = std::max<std::size_t>(5, std::to_string(images.size()).size());
    std::vector<std::filesystem::path> paths;
    for (std::size_t i = 0; i < images.size(); ++i) {
        std::string name = std::to_string(i);
        name.insert(0, digits - name.size(), '0');
        paths.push_back(dir / (name + ".png"));
        writePng(paths.back(), toRaster(images[i], scale));
    }
    return paths;
}

}  // namespace latent
