#include "latent/core/ImageResize.h"

#include <algorithm>
#include <cmath>

#include "ModelMetadata.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

bool greyOrRgb(int channels) {
    return channels == 1 || channels == 3;
}

// One plane resampled from sw x sh to dw x dh.
void resamplePlane(const float* src, int sw, int sh, float* dst, int dw, int dh,
                   ResizeFilter filter) {
    const float sx = static_cast<float>(sw) / static_cast<float>(dw);
    const float sy = static_cast<float>(sh) / static_cast<float>(dh);
    for (int y = 0; y < dh; ++y) {
        for (int x = 0; x < dw; ++x) {
            float v = 0.0f;
            if (filter == ResizeFilter::Nearest) {
                const int ix =
                    std::min(sw - 1, static_cast<int>((static_cast<float>(x) + 0.5f) * sx));
                const int iy =
                    std::min(sh - 1, static_cast<int>((static_cast<float>(y) + 0.5f) * sy));
                v = src[iy * sw + ix];
            } else {
                const float fx = std::clamp((static_cast<float>(x) + 0.5f) * sx - 0.5f, 0.0f,
                                            static_cast<float>(sw - 1));
                const float fy = std::clamp((static_cast<float>(y) + 0.5f) * sy - 0.5f, 0.0f,
                                            static_cast<float>(sh - 1));
                const int x0 = static_cast<int>(fx), y0 = static_cast<int>(fy);
                const int x1 = std::min(x0 + 1, sw - 1), y1 = std::min(y0 + 1, sh - 1);
                const float ax = fx - static_cast<float>(x0), ay = fy - static_cast<float>(y0);
                const float top = src[y0 * sw + x0] * (1 - ax) + src[y0 * sw + x1] * ax;
                const float bottom = src[y1 * sw + x0] * (1 - ax) + src[y1 * sw + x1] * ax;
                v = top * (1 - ay) + bottom * ay;
            }
            dst[y * dw + x] = v;
        }
    }
}

}  // namespace

const char* toString(ResizeFilter filter) {
    return filter == ResizeFilter::Nearest ? "nearest" : "bilinear";
}

Image resizeImage(const Image& image, const ImageShape& target, ResizeFilter filter) {
    const ImageShape& from = image.shape;
    if (!greyOrRgb(from.channels) || !greyOrRgb(target.channels) || target.height < 1 ||
        target.width < 1) {
        throw Error(ErrorKind::InvalidArgument, "cannot resize " + detail::shapeText(from) +
                                                    " images to " + detail::shapeText(target));
    }
    const std::size_t srcPlane =
        static_cast<std::size_t>(from.height) * static_cast<std::size_t>(from.width);
    // Channels first, at the source size: at most one plane of extra work.
    std::vector<float> planes(srcPlane * static_cast<std::size_t>(target.channels));
    if (from.channels == target.channels) {
        planes = image.pixels;
    } else if (from.channels == 1) {
        for (int c = 0; c < 3; ++c)
            std::copy_n(image.pixels.begin(), srcPlane,
                        planes.begin() + static_cast<std::ptrdiff_t>(c * srcPlane));
    } else {
        for (std::size_t p = 0; p < srcPlane; ++p) {
            planes[p] = 0.299f * image.pixels[p] + 0.587f * image.pixels[srcPlane + p] +
                        0.114f * image.pixels[2 * srcPlane + p];
        }
    }
    Image out;
    out.shape = target;
    out.hadNonFinite = image.hadNonFinite;
    out.pixels.resize(target.pixelCount());
    const std::size_t dstPlane =
        static_cast<std::size_t>(target.height) * static_cast<std::size_t>(target.width);
    for (std::size_t c = 0; c < static_cast<std::size_t>(target.channels); ++c) {
        resamplePlane(planes.data() + c * srcPlane, from.width, from.height,
                      out.pixels.data() + c * dstPlane, target.width, target.height, filter);
    }
    return out;
}

bool resizeIsSensible(const ImageShape& from, const ImageShape& to) {
    if (!greyOrRgb(from.channels) || !greyOrRgb(to.channels)) return false;
    const auto within = [](int a, int b) { return a > 0 && b > 0 && a <= 4 * b && b <= 4 * a; };
    return within(from.height, to.height) && within(from.width, to.width);
}

std::string describeResize(const ImageShape& from, const ImageShape& to, ResizeFilter filter) {
    std::string text = detail::shapeText(from) + " images resized to " + detail::shapeText(to) +
                       " (" + toString(filter);
    if (from.channels == 1 && to.channels == 3) text += ", grey copied to RGB";
    if (from.channels == 3 && to.channels == 1) text += ", RGB to grey by luma";
    return text + ")";
}

Dataset resizeDataset(const Dataset& data, const ImageShape& target, ResizeFilter filter) {
    if (!resizeIsSensible(data.shape, target)) {
        throw Error(ErrorKind::InvalidArgument,
                    "the dataset's images are " + detail::shapeText(data.shape) +
                        " but the model expects " + detail::shapeText(target) +
                        "; they are too different to resize (grey or RGB only, each side "
                        "within a factor of 4)");
    }
    Dataset out = data;  // names, labels and anything else carry over unchanged
    out.shape = target;
    out.pixels.assign(data.count * target.pixelCount(), 0);
    for (std::size_t i = 0; i < data.count; ++i) {
        const Image resized = resizeImage(data.image(i), target, filter);
        std::transform(
            resized.pixels.begin(), resized.pixels.end(),
            out.pixels.begin() + static_cast<std::ptrdiff_t>(i * target.pixelCount()), [](float v) {
                return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
            });
    }
    return out;
}

}  // namespace latent
