#include "latent/core/ImageFileReader.h"

#include <jpeglib.h>
#include <png.h>

#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <memory>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/FileAccess.h"

namespace latent {
namespace {

void checkPixels(std::size_t width, std::size_t height, std::size_t maxPixels,
                 const std::filesystem::path& path) {
    if (width == 0 || height == 0) {
        throw Error(ErrorKind::BadFormat, quotedPath(path) + " declares an empty image");
    }
    if (width > maxPixels / height) {
        throw Error(ErrorKind::TooLarge, quotedPath(path) + " is " + std::to_string(width) + "x" +
                                             std::to_string(height) + ", above the limit of " +
                                             std::to_string(maxPixels) + " pixels");
    }
}

Raster readPng(const std::filesystem::path& path, std::size_t maxPixels) {
    png_image image;
    std::memset(&image, 0, sizeof image);
    image.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_file(&image, path.string().c_str())) {
        throw Error(ErrorKind::BadFormat,
                    quotedPath(path) + " is not a readable PNG (" + image.message + ")");
    }
    std::unique_ptr<png_image, void (*)(png_image*)> guard(&image, png_image_free);
    checkPixels(image.width, image.height, maxPixels, path);
    const bool colour = (image.format & PNG_FORMAT_FLAG_COLOR) != 0;
    image.format = colour ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY;
    Raster raster;
    raster.width = static_cast<int>(image.width);
    raster.height = static_cast<int>(image.height);
    raster.channels = colour ? 3 : 1;
    raster.pixels.resize(PNG_IMAGE_SIZE(image));
    png_color white{255, 255, 255};
    if (!png_image_finish_read(&image, &white, raster.pixels.data(), 0, nullptr)) {
        throw Error(ErrorKind::BadFormat,
                    quotedPath(path) + " is a damaged PNG (" + image.message + ")");
    }
    return raster;
}

struct JpegErrorManager {
    jpeg_error_mgr base;
    std::jmp_buf jump;
    char message[JMSG_LENGTH_MAX];
};

// Warnings (a truncated file, corrupt data) would go to stderr; keep the first instead.
void onJpegMessage(j_common_ptr info) {
    auto* manager = reinterpret_cast<JpegErrorManager*>(info->err);
    if (manager->message[0] == '\0') (*info->err->format_message)(info, manager->message);
}

void onJpegError(j_common_ptr info) {
    auto* manager = reinterpret_cast<JpegErrorManager*>(info->err);
    (*info->err->format_message)(info, manager->message);
    std::longjmp(manager->jump, 1);
}

// libjpeg reports errors by longjmp: the raster is created before setjmp and nothing
// with a destructor is constructed between setjmp and the end of decoding.
void decodeJpeg(std::FILE* file, Raster& raster, std::size_t maxPixels,
                const std::filesystem::path& path, std::string& error) {
    jpeg_decompress_struct info;
    JpegErrorManager manager;
    info.err = jpeg_std_error(&manager.base);
    manager.base.error_exit = onJpegError;
    manager.base.output_message = onJpegMessage;
    manager.message[0] = '\0';
    if (setjmp(manager.jump)) {
        jpeg_destroy_decompress(&info);
        error = manager.message;
        return;
    }
    jpeg_create_decompress(&info);
    jpeg_stdio_src(&info, file);
    jpeg_read_header(&info, TRUE);
    if (info.num_components != 1 && info.num_components != 3) {
        jpeg_destroy_decompress(&info);
        error = "CMYK or other " + std::to_string(info.num_components) +
                "-channel JPEGs are not supported";
        return;
    }
    info.out_color_space = info.num_components == 1 ? JCS_GRAYSCALE : JCS_RGB;
    const std::size_t width = info.image_width, height = info.image_height;
    if (width == 0 || height == 0 || width > maxPixels / height) {
        jpeg_destroy_decompress(&info);
        checkPixels(width, height, maxPixels, path);
    }
    jpeg_start_decompress(&info);
    raster.width = static_cast<int>(info.output_width);
    raster.height = static_cast<int>(info.output_height);
    raster.channels = info.output_components;
    raster.pixels.resize(static_cast<std::size_t>(raster.width) *
                         static_cast<std::size_t>(raster.height) *
                         static_cast<std::size_t>(raster.channels));
    const std::size_t stride =
        static_cast<std::size_t>(raster.width) * static_cast<std::size_t>(raster.channels);
    while (info.output_scanline < info.output_height) {
        JSAMPROW row = raster.pixels.data() + info.output_scanline * stride;
        jpeg_read_scanlines(&info, &row, 1);
    }
    jpeg_finish_decompress(&info);
    // A file libjpeg had to patch up (e.g. cut short) is damaged: refuse it rather than
    // hand over an image with an invented grey bottom.
    if (manager.base.num_warnings > 0) error = manager.message;
    jpeg_destroy_decompress(&info);
}

Raster readJpeg(const std::filesystem::path& path, std::size_t maxPixels) {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.string().c_str(), "rb"),
                                                         &std::fclose);
    if (!file) throw Error(ErrorKind::Io, "cannot open " + quotedPath(path));
    Raster raster;
    std::string error;
    decodeJpeg(file.get(), raster, maxPixels, path, error);
    if (!error.empty()) {
        throw Error(ErrorKind::BadFormat,
                    quotedPath(path) + " is not a readable JPEG (" + error + ")");
    }
    return raster;
}

}  // namespace

Raster readImageFile(const std::filesystem::path& path, std::size_t maxPixels) {
    unsigned char head[8] = {};
    {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error(ErrorKind::Io, "cannot open " + quotedPath(path));
        in.read(reinterpret_cast<char*>(head), sizeof head);
    }
    if (png_sig_cmp(head, 0, 8) == 0) return readPng(path, maxPixels);
    if (head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF) return readJpeg(path, maxPixels);
    throw Error(ErrorKind::BadFormat, quotedPath(path) + " is neither a PNG nor a JPEG file");
}

}  // namespace latent
