#include "ViewOverlay.h"

#include <QEvent>

#include "latent/core/ScreenPicker.h"

namespace latent::ui {

ViewOverlay::ViewOverlay(QWidget* view, std::function<latent::ScreenView()> camera)
    : QWidget(view), camera_(std::move(camera)) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(view->rect());
    view->installEventFilter(this);
}

bool ViewOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && event->type() == QEvent::Resize) setGeometry(parentWidget()->rect());
    return false;
}

void ViewOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintOver(painter);
}

std::optional<QPointF> ViewOverlay::onView(const latent::ScreenView& view, const QVector3D& world) const {
    const auto& m = view.worldToView;
    const double w = m[12] * world.x() + m[13] * world.y() + m[14] * world.z() + m[15];
    if (w <= 0.0) return std::nullopt;
    const double dpr = devicePixelRatioF();
    const auto p = latent::worldToScreen(m, view.width, view.height, {world.x(), world.y(), world.z()});
    return QPointF(p[0] / dpr, (view.height - p[1]) / dpr);
}

}  // namespace latent::ui
