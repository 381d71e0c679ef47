#pragma once

#include <QByteArray>
#include <QImage>
#include <QSize>

namespace latent::ui {

class ScatterMap;

// The map as it is on screen (same camera, colours and markers) rendered at `pixels`
// (device pixels). The view is resized for one offscreen frame and then restored, so
// the picture shows what a window of that size would show. Returns a null image when
// the GL context could not render (e.g. a size beyond the GPU's framebuffer limit).
QImage renderMapImage(ScatterMap& map, QSize pixels);

// `image` as PNG file bytes (for writing atomically with latent::writeFileAtomically).
QByteArray pngBytes(const QImage& image);

}  // namespace latent::ui
