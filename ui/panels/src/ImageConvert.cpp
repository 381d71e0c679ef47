#include "latent/ui/ImageConvert.h"

#include <algorithm>
#include <cmath>

namespace latent::ui {
namespace {

int toByte(float v) { return static_cast<int>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f)); }

}  // namespace

QImage toQImage(const latent::Image& image) {
    const auto& s = image.shape;
    if (s.width <= 0 || s.height <= 0 || image.pixels.size() != s.pixelCount()) return {};
    const bool grey = s.channels == 1;
    QImage out(s.width, s.height, grey ? QImage::Format_Grayscale8 : QImage::Format_RGB32);
    for (int y = 0; y < s.height; ++y) {
        if (grey) {
            uchar* line = out.scanLine(y);
            for (int x = 0; x < s.width; ++x) line[x] = static_cast<uchar>(toByte(image.at(0, y, x)));
        } else {
            auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
            const int g = s.channels >= 3 ? 1 : 0, b = s.channels >= 3 ? 2 : 0;
            for (int x = 0; x < s.width; ++x) {
                line[x] = qRgb(toByte(image.at(0, y, x)), toByte(image.at(g, y, x)),
                               toByte(image.at(b, y, x)));
            }
        }
    }
    return out;
}

}  // namespace latent::ui
