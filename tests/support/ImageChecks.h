#pragma once

#include <QColor>
#include <QDir>
#include <QImage>
#include <QString>
#include <cstdlib>

// Tolerance-based checks on grabbed frames: renderers differ in anti-aliasing and
// shading, so tests count pixels near a colour instead of comparing hashes.
namespace test_images {

inline bool near(QRgb px, const QColor& c, int tolerance) {
    return std::abs(qRed(px) - c.red()) <= tolerance && std::abs(qGreen(px) - c.green()) <= tolerance &&
           std::abs(qBlue(px) - c.blue()) <= tolerance;
}

inline int countNear(const QImage& image, const QColor& c, int tolerance) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB32);
    int count = 0;
    for (int y = 0; y < rgb.height(); ++y) {
        const auto* line = reinterpret_cast<const QRgb*>(rgb.constScanLine(y));
        for (int x = 0; x < rgb.width(); ++x) count += near(line[x], c, tolerance) ? 1 : 0;
    }
    return count;
}

// Saves a frame next to the test binary's working directory so a failure can be seen.
inline QString saveForInspection(const QImage& image, const QString& name) {
    const QString path = QDir::current().absoluteFilePath(name + ".png");
    image.save(path);
    return path;
}

}  // namespace test_images
