#include "latent/core/ImageIo.h"

#include <png.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "latent/core/AtomicFile.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

std::uint8_t toByte(float v) {
    return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

void checkRasterChannels(const ImageShape& shape) {
    if (shape.channels != 1 && shape.channels != 3) {
        throw Error(ErrorKind::InvalidArgument,
                    "images must have 1 or 3 channels, not " + std::to_string(shape.channels));
    }
}

}  // namespace

Raster toRaster(const Image& image, int scale) {
    return makeGrid({image}, 1, scale, 0);
}

Raster makeGrid(const std::vector<Image>& images, int columns, int scale, int gap,
                std::uint8_t background) {
    if (images.empty() || columns < 1 || scale < 1 || gap < 0) {
        throw Error(ErrorKind::InvalidArgument, "nothing to tile");
    }
    const ImageShape shape = images.front().shape;
    checkRasterChannels(shape);
    const int rows = (static_cast<int>(images.size()) + columns - 1) / columns;
    const int cols = std::min(columns, static_cast<int>(images.size()));
    const int cellW = shape.width * scale, cellH = shape.height * scale;
    Raster out;
    out.channels = shape.channels;
    out.width = cols * cellW + (cols - 1) * gap;
    out.height = rows * cellH + (rows - 1) * gap;
    out.pixels.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) *
                          static_cast<std::size_t>(out.channels),
                      background);
    for (std::size_t i = 0; i < images.size(); ++i) {
        const Image& img = images[i];
        if (!(img.shape == shape)) throw Error(ErrorKind::InvalidArgument, "grid images differ in shape");
        const int x0 = static_cast<int>(i) % columns * (cellW + gap);
        const int y0 = static_cast<int>(i) / columns * (cellH + gap);
        for (int y = 0; y < cellH; ++y) {
            for (int x = 0; x < cellW; ++x) {
                for (int c = 0; c < shape.channels; ++c) {
                    const std::size_t dst =
                        (static_cast<std::size_t>(y0 + y) * static_cast<std::size_t>(out.width) +
                         static_cast<std::size_t>(x0 + x)) * static_cast<std::size_t>(out.channels) +
                        static_cast<std::size_t>(c);
                    out.pixels[dst] = toByte(img.at(c, y / scale, x / scale));
                }
            }
        }
    }
    return out;
}

std::string encodePng(const Raster& raster) {
    if (raster.width <= 0 || raster.height <= 0 || (raster.channels != 1 && raster.channels != 3)) {
        throw Error(ErrorKind::InvalidArgument, "cannot write an empty raster to PNG");
    }
    std::string bytes;
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!png || !info) {
        png_destroy_write_struct(&png, &info);
        throw Error(ErrorKind::Io, "libpng could not start a PNG");
    }
    // libpng reports errors by longjmp; nothing with a destructor is created below this point.
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw Error(ErrorKind::Io, "libpng failed encoding a PNG");
    }
    png_set_write_fn(
        png, &bytes,
        [](png_structp p, png_bytep data, png_size_t length) {
            static_cast<std::string*>(png_get_io_ptr(p))->append(reinterpret_cast<const char*>(data), length);
        },
        nullptr);
    png_set_IHDR(png, info, static_cast<png_uint_32>(raster.width),
                 static_cast<png_uint_32>(raster.height), 8,
                 raster.channels == 1 ? PNG_COLOR_TYPE_GRAY : PNG_COLOR_TYPE_RGB,
                 PNG_INTERLACE_NONE, PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_write_info(png, info);
    const std::size_t rowBytes =
        static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.channels);
    for (int y = 0; y < raster.height; ++y) {
        png_write_row(png, raster.pixels.data() + static_cast<std::size_t>(y) * rowBytes);
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return bytes;
}

void writePng(const std::filesystem::path& path, const Raster& raster) { writeFileAtomically(path, encodePng(raster)); }

}  // namespace latent
