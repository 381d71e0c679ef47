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
    const ModelInfo& info = model.info();
    if (!(data.shape == info.imageShape)) {
        throw Error(ErrorKind::InvalidArgument,
                    "the dataset's images are " + shapeText(data.shape) + " but the model expects " +
                        shapeText(info.imageShape));
    }
    batchSize = std::max<std::size_t>(batchSize, 1);
    LatentBatch all(data.count, info.latentDim);
    for (std::size_t first = 0; first < data.count; first += batchSize) {
        const std::size_t n = std::min(batchSize, data.count - first);
        const LatentBatch part = model.encode(data.floatPixels(first, n).data(), n);
        std::copy(part.values.begin(), part.values.end(),
                  all.values.begin() + static_cast<std::ptrdiff_t>(first * info.latentDim));
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
