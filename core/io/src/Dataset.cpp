#include "latent/core/Dataset.h"

#include <algorithm>

#include "latent/core/ArrayConversion.h"
#include "latent/core/Error.h"
#include "latent/core/IdxReader.h"

namespace latent {

Image Dataset::image(std::size_t index) const {
    Image img;
    img.shape = shape;
    img.pixels = floatPixels(index, 1);
    return img;
}

std::vector<float> Dataset::floatPixels(std::size_t first, std::size_t n) const {
    if (first + n > count) throw Error(ErrorKind::InvalidArgument, "image index out of range");
    const std::size_t stride = shape.pixelCount();
    std::vector<float> out(n * stride);
    const std::uint8_t* src = pixels.data() + first * stride;
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<float>(src[i]) / 255.0f;
    return out;
}

void Dataset::keepFirst(std::size_t n) { keepRows(0, n); }

void Dataset::keepRows(std::size_t first, std::size_t last) {
    last = std::min(last, count);
    first = std::min(first, last);
    const std::size_t size = shape.pixelCount();
    pixels.erase(pixels.begin() + static_cast<std::ptrdiff_t>(last * size), pixels.end());
    pixels.erase(pixels.begin(), pixels.begin() + static_cast<std::ptrdiff_t>(first * size));
    if (!labels.empty()) {
        labels.erase(labels.begin() + static_cast<std::ptrdiff_t>(std::min(last, labels.size())), labels.end());
        labels.erase(labels.begin(), labels.begin() + static_cast<std::ptrdiff_t>(std::min(first, labels.size())));
    }
    count = last - first;
}

std::string Dataset::className(std::size_t index) const {
    if (index >= labels.size()) return {};
    const int label = labels[index];
    if (label >= 0 && static_cast<std::size_t>(label) < classNames.size()) {
        return classNames[static_cast<std::size_t>(label)];
    }
    return "class " + std::to_string(label);
}

const std::vector<std::string>& fashionMnistClassNames() {
    static const std::vector<std::string> names = {"T-shirt/top", "Trouser", "Pullover", "Dress",
                                                   "Coat",        "Sandal",  "Shirt",    "Sneaker",
                                                   "Bag",         "Ankle boot"};
    return names;
}

Dataset loadIdxDataset(const std::filesystem::path& imagesPath,
                       const std::filesystem::path& labelsPath,
                       std::vector<std::string> classNames) {
    // Any IDX element type: float pixels are scaled as datasetFromArray documents.
    Dataset data = datasetFromArray(toNumericArray(readIdxFile(imagesPath)), ChannelOrder::First,
                                    "'" + imagesPath.string() + "'");
    data.name = imagesPath.filename().string();
    if (!labelsPath.empty()) {
        data.labels = labelsFromArray(toNumericArray(readIdxFile(labelsPath)), data.count,
                                      "'" + labelsPath.string() + "'");
    }
    data.classNames = std::move(classNames);
    return data;
}

Dataset loadMnistStyleSplit(const std::filesystem::path& dir, const std::string& split) {
    if (split != "test" && split != "train") {
        throw Error(ErrorKind::InvalidArgument, "unknown split '" + split + "' (test or train)");
    }
    const std::string prefix = split == "test" ? "t10k" : "train";
    auto find = [&](const std::string& stem) {
        for (const char* ext : {".gz", ""}) {
            auto path = dir / (prefix + stem + ext);
            std::error_code error;
            if (std::filesystem::exists(path, error)) return path;
        }
        throw Error(ErrorKind::Io, "no " + prefix + stem + "[.gz] in '" + dir.string() + "'");
    };
    const auto imagesPath = find("-images-idx3-ubyte");
    const auto labelsPath = find("-labels-idx1-ubyte");
    const bool fashion = dir.filename().string().find("fashion") != std::string::npos;
    Dataset data = loadIdxDataset(imagesPath, labelsPath,
                                  fashion ? fashionMnistClassNames() : std::vector<std::string>{});
    data.name = dir.filename().string() + " (" + split + ")";
    return data;
}

}  // namespace latent
