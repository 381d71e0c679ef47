#include "latent/ui/MapImage.h"

#include <QBuffer>
#include <cmath>

#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {

QImage renderMapImage(ScatterMap& map, QSize pixels) {
    VtkOpenGLWidget* view = map.view();
    const qreal dpr = view->devicePixelRatioF();
    const QSize logical(static_cast<int>(std::ceil(pixels.width() / dpr)),
                        static_cast<int>(std::ceil(pixels.height() / dpr)));
    const QSize shown = view->size();
    // The view renders into a framebuffer of its own size: resizing it (the layout
    // puts it back on the next event) and grabbing renders one frame at the new size
    // without the window ever showing it.
    view->resize(logical);
    view->requestRender();
    QImage image = view->grabRendered();
    view->resize(shown);
    view->requestRender();
    if (image.isNull()) return image;
    if (image.size() != pixels) {
        // Fractional device pixel ratios round; the request is what the user asked for.
        image = image.copy(QRect(QPoint(0, 0), pixels));
    }
    return image.convertToFormat(QImage::Format_RGB32);
}

QByteArray pngBytes(const QImage& image) {
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    return bytes;
}

}  // namespace latent::ui
