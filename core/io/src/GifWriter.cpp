#include "latent/core/GifWriter.h"

#include <fcntl.h>
#include <gif_lib.h>
#include <unistd.h>

#include <array>
#include <cmath>
#include <memory>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

constexpr int kRedLevels = 6, kGreenLevels = 7, kBlueLevels = 6;  // 252 colours

struct GifCloser {
    void operator()(GifFileType* gif) const {
        int error = 0;
        EGifCloseFile(gif, &error);
    }
};

std::unique_ptr<ColorMapObject, void (*)(ColorMapObject*)> makePalette(bool grey) {
    std::array<GifColorType, 256> colours{};
    if (grey) {
        for (int i = 0; i < 256; ++i) {
            const auto v = static_cast<GifByteType>(i);
            colours[static_cast<std::size_t>(i)] = {v, v, v};
        }
    } else {
        std::size_t i = 0;
        for (int r = 0; r < kRedLevels; ++r)
            for (int g = 0; g < kGreenLevels; ++g)
                for (int b = 0; b < kBlueLevels; ++b)
                    colours[i++] = {static_cast<GifByteType>(r * 255 / (kRedLevels - 1)),
                                    static_cast<GifByteType>(g * 255 / (kGreenLevels - 1)),
                                    static_cast<GifByteType>(b * 255 / (kBlueLevels - 1))};
    }
    return {GifMakeMapObject(256, colours.data()), &GifFreeMapObject};
}

int level(std::uint8_t v, int levels) { return static_cast<int>(std::lround(v * (levels - 1) / 255.0)); }

std::vector<GifByteType> paletteIndices(const Raster& frame) {
    std::vector<GifByteType> out(static_cast<std::size_t>(frame.width) * static_cast<std::size_t>(frame.height));
    for (std::size_t p = 0; p < out.size(); ++p) {
        if (frame.channels == 1) {
            out[p] = frame.pixels[p];
        } else {
            const std::uint8_t* rgb = &frame.pixels[3 * p];
            out[p] = static_cast<GifByteType>(
                (level(rgb[0], kRedLevels) * kGreenLevels + level(rgb[1], kGreenLevels)) * kBlueLevels +
                level(rgb[2], kBlueLevels));
        }
    }
    return out;
}

}  // namespace

void writeAnimatedGif(const std::filesystem::path& path, const std::vector<Raster>& frames,
                      const GifOptions& options) {
    if (frames.empty()) throw Error(ErrorKind::InvalidArgument, "an animation needs at least one frame");
    const Raster& first = frames.front();
    for (const Raster& f : frames) {
        if (f.width != first.width || f.height != first.height || f.channels != first.channels ||
            (f.channels != 1 && f.channels != 3) || f.width <= 0 || f.height <= 0 || f.width > 65535 ||
            f.height > 65535) {
            throw Error(ErrorKind::InvalidArgument, "animation frames must share one size and be grey or RGB");
        }
    }
    const std::filesystem::path temp = path.string() + ".tmp";
    auto fail = [&](const std::string& what) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        throw Error(ErrorKind::Io, "cannot write GIF '" + path.string() + "': " + what);
    };
    {
        int error = 0;
        // Opened here rather than by giflib, which creates files readable by their owner only.
        const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) fail("cannot create the file");
        std::unique_ptr<GifFileType, GifCloser> gif(EGifOpenFileHandle(fd, &error));
        if (!gif) {
            ::close(fd);
            fail(GifErrorString(error));
        }
        EGifSetGifVersion(gif.get(), true);
        const auto palette = makePalette(first.channels == 1);
        if (EGifPutScreenDesc(gif.get(), first.width, first.height, 8, 0, palette.get()) == GIF_ERROR) {
            fail(GifErrorString(gif->Error));
        }
        if (options.loop) {
            static const GifByteType kApp[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
            static const GifByteType kLoopForever[] = {1, 0, 0};
            if (EGifPutExtensionLeader(gif.get(), APPLICATION_EXT_FUNC_CODE) == GIF_ERROR ||
                EGifPutExtensionBlock(gif.get(), sizeof kApp, kApp) == GIF_ERROR ||
                EGifPutExtensionBlock(gif.get(), sizeof kLoopForever, kLoopForever) == GIF_ERROR ||
                EGifPutExtensionTrailer(gif.get()) == GIF_ERROR) {
                fail(GifErrorString(gif->Error));
            }
        }
        GraphicsControlBlock control{DISPOSE_DO_NOT, false, options.delayCentiseconds, NO_TRANSPARENT_COLOR};
        GifByteType controlBytes[4];
        const auto controlLength = static_cast<int>(EGifGCBToExtension(&control, controlBytes));
        for (const Raster& frame : frames) {
            auto indices = paletteIndices(frame);
            if (EGifPutExtension(gif.get(), GRAPHICS_EXT_FUNC_CODE, controlLength, controlBytes) == GIF_ERROR ||
                EGifPutImageDesc(gif.get(), 0, 0, frame.width, frame.height, false, nullptr) == GIF_ERROR) {
                fail(GifErrorString(gif->Error));
            }
            for (int y = 0; y < frame.height; ++y) {
                if (EGifPutLine(gif.get(), indices.data() + static_cast<std::size_t>(y) * static_cast<std::size_t>(frame.width),
                                frame.width) == GIF_ERROR) {
                    fail(GifErrorString(gif->Error));
                }
            }
        }
        GifFileType* raw = gif.release();
        if (EGifCloseFile(raw, &error) == GIF_ERROR) fail(GifErrorString(error));
    }
    std::error_code ec;
    std::filesystem::rename(temp, path, ec);
    if (ec) fail(ec.message());
}

}  // namespace latent
