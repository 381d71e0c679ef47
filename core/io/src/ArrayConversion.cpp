#include "latent/core/ArrayConversion.h"

#include <cmath>
#include <limits>

#include "latent/core/Error.h"

namespace latent {
namespace {

[[noreturn]] void badShape(const NumericArray& a, const std::string& where,
                           const std::string& want) {
    throw Error(ErrorKind::BadFormat, where + " has shape " + a.shapeText() + " of " +
                                          toString(a.type) + "; expected " + want);
}

bool isFloat(ElementType t) {
    return t == ElementType::Float32 || t == ElementType::Float64;
}

// Converts every element to a byte in 0..255, deciding the float scale once.
std::vector<std::uint8_t> pixelBytes(const NumericArray& a, const std::string& where) {
    const std::size_t n = a.elementCount();
    if (a.type == ElementType::UInt8) return a.bytes;
    double scale = 1.0;
    if (isFloat(a.type)) {
        double highest = 0.0;
        for (std::size_t i = 0; i < n; ++i) highest = std::fmax(highest, a.value(i));
        scale = highest <= 1.0 ? 255.0 : 1.0;
    }
    std::vector<std::uint8_t> out(n);
    for (std::size_t i = 0; i < n; ++i) {
        const double v = a.value(i) * scale;
        if (!std::isfinite(v) || v < 0.0 || v > 255.0 + 1e-6) {
            throw Error(ErrorKind::BadFormat, where + ": pixel value " +
                                                  std::to_string(a.value(i)) + " at element " +
                                                  std::to_string(i) + " is outside " +
                                                  (scale == 1.0 ? "0..255" : "[0, 1]"));
        }
        out[i] = static_cast<std::uint8_t>(std::lround(v));
    }
    return out;
}

int checkedDim(std::size_t d, const NumericArray& a, const std::string& where) {
    if (d == 0 || d > 1u << 16) badShape(a, where, "image sides between 1 and 65536");
    return static_cast<int>(d);
}

}  // namespace

Dataset datasetFromArray(const NumericArray& images, ChannelOrder order, const std::string& where) {
    const auto& s = images.shape;
    const std::string want = order == ChannelOrder::First ? "N x H x W or N x C x H x W images"
                                                          : "N x H x W or N x H x W x C images";
    if (s.size() != 3 && s.size() != 4) badShape(images, where, want);
    Dataset data;
    data.name = where;
    data.count = s[0];
    if (s.size() == 3) {
        data.shape = {1, checkedDim(s[1], images, where), checkedDim(s[2], images, where)};
    } else if (order == ChannelOrder::First) {
        data.shape = {static_cast<int>(std::min<std::size_t>(s[1], 5)),
                      checkedDim(s[2], images, where), checkedDim(s[3], images, where)};
    } else {
        data.shape = {static_cast<int>(std::min<std::size_t>(s[3], 5)),
                      checkedDim(s[1], images, where), checkedDim(s[2], images, where)};
    }
    if (data.shape.channels != 1 && data.shape.channels != 3) {
        badShape(images, where, want + " with 1 or 3 channels");
    }
    std::vector<std::uint8_t> bytes = pixelBytes(images, where);
    if (s.size() == 4 && order == ChannelOrder::Last && data.shape.channels == 3) {
        // HWC -> CHW, image by image.
        const std::size_t plane = static_cast<std::size_t>(data.shape.height) *
                                  static_cast<std::size_t>(data.shape.width);
        data.pixels.resize(bytes.size());
        for (std::size_t i = 0; i < data.count; ++i) {
            const std::uint8_t* src = bytes.data() + i * plane * 3;
            std::uint8_t* dst = data.pixels.data() + i * plane * 3;
            for (std::size_t p = 0; p < plane; ++p) {
                for (std::size_t c = 0; c < 3; ++c) dst[c * plane + p] = src[p * 3 + c];
            }
        }
    } else {
        data.pixels = std::move(bytes);
    }
    return data;
}

LatentBatch latentsFromArray(const NumericArray& array, const std::string& where) {
    if (array.shape.size() != 2 || array.shape[1] == 0) {
        badShape(array, where, "an N x D matrix of latent vectors");
    }
    LatentBatch batch(array.shape[0], array.shape[1]);
    for (std::size_t i = 0; i < batch.values.size(); ++i) {
        const double v = array.value(i);
        if (!std::isfinite(v) || std::fabs(v) > std::numeric_limits<float>::max()) {
            throw Error(ErrorKind::BadFormat,
                        where + ": value at row " + std::to_string(i / batch.dim) + ", column " +
                            std::to_string(i % batch.dim) + " is not a finite float");
        }
        batch.values[i] = static_cast<float>(v);
    }
    return batch;
}

std::vector<int> labelsFromArray(const NumericArray& array, std::size_t expectedCount,
                                 const std::string& where) {
    const auto& s = array.shape;
    if (!(s.size() == 1 || (s.size() == 2 && s[1] == 1))) badShape(array, where, "N labels");
    if (expectedCount != 0 && s[0] != expectedCount) {
        throw Error(ErrorKind::BadFormat, where + " holds " + std::to_string(s[0]) +
                                              " labels for " + std::to_string(expectedCount) +
                                              " items");
    }
    std::vector<int> labels(s[0]);
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const double v = array.value(i);
        if (!(v >= -1e6 && v <= 1e6) || v != std::floor(v)) {
            throw Error(ErrorKind::BadFormat, where + ": label " + std::to_string(v) +
                                                  " at index " + std::to_string(i) +
                                                  " is not a small integer");
        }
        labels[i] = static_cast<int>(v);
    }
    return labels;
}

}  // namespace latent
