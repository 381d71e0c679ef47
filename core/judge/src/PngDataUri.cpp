#include "PngDataUri.h"

#include <cstdint>

#include "latent/core/ImageIo.h"

namespace latent::detail {
namespace {

std::string base64(const std::string& bytes) {
    static constexpr char kDigits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    for (std::size_t i = 0; i < bytes.size(); i += 3) {
        const std::size_t n = std::min<std::size_t>(3, bytes.size() - i);
        std::uint32_t group = 0;
        for (std::size_t k = 0; k < 3; ++k) {
            group = (group << 8) | (k < n ? static_cast<std::uint8_t>(bytes[i + k]) : 0u);
        }
        for (std::size_t k = 0; k < 4; ++k) {
            out += k <= n ? kDigits[(group >> (18 - 6 * k)) & 0x3f] : '=';
        }
    }
    return out;
}

}  // namespace

std::string pngDataUri(const Image& image, int scale) {
    return "data:image/png;base64," + base64(encodePng(toRaster(image, scale)));
}

std::string stripDataUri(const std::vector<Image>& images, int scale) {
    return "data:image/png;base64," +
           base64(encodePng(makeGrid(images, static_cast<int>(images.size()), scale, 2, 255)));
}

}  // namespace latent::detail
