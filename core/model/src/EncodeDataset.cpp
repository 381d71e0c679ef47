#include "latent/core/EncodeDataset.h"

#include <algorithm>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

std::string shapeText(const ImageShape& s) {
    return std::to_string(s.channels) + "x" + std::to_string(s.height) + "x" +
           std::to_string(s.width);
}

}  // namespace

LatentBatch encodeDataset(const Model& model, const Dataset& data, std::size_t batchSize,
                          const ProgressFn& progress) {
    return encodeDatasetWithLogvar(model, data, batchSize, progress).mu;
}

EncodedBatch encodeDatasetWithLogvar(const Model& model, const Dataset& data, std::size_t batchSize,
                                     const ProgressFn& progress, const EncodedBatchFn& onBatch) {
    const ModelInfo& info = model.info();
    if (!(data.shape == info.imageShape)) {
        throw Error(ErrorKind::InvalidArgument,
                    "the dataset's images are " + shapeText(data.shape) + " but the model expects " +
                        shapeText(info.imageShape));
    }
    batchSize = std::max<std::size_t>(batchSize, 1);
    EncodedBatch all{LatentBatch(data.count, info.latentDim), {}};
    if (info.variationalEncoder) all.logvar = LatentBatch(data.count, info.latentDim);
    for (std::size_t first = 0; first < data.count; first += batchSize) {
        const std::size_t n = std::min(batchSize, data.count - first);
        const std::vector<float> pixels = data.floatPixels(first, n);
        const EncodedBatch part = model.encodeWithLogvar(pixels.data(), n);
        if (onBatch) onBatch(first, pixels, part);
        const auto at = static_cast<std::ptrdiff_t>(first * info.latentDim);
        std::copy(part.mu.values.begin(), part.mu.values.end(), all.mu.values.begin() + at);
        if (all.logvar.count == data.count && part.logvar.values.size() == part.mu.values.size()) {
            std::copy(part.logvar.values.begin(), part.logvar.values.end(), all.logvar.values.begin() + at);
        }
        const std::size_t done = first + n;
        if (progress && !progress(static_cast<double>(done) / static_cast<double>(data.count),
                                  "Encoding " + std::to_string(done) + " / " +
                                      std::to_string(data.count) + " images")) {
            throw Error(ErrorKind::Cancelled, "encoding cancelled");
        }
    }
    return all;
}

}  // namespace latent
