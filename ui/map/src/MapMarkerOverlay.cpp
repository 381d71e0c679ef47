#include "MapMarkerOverlay.h"

#include <QEvent>
#include <QPainter>

#include "latent/core/ScreenPicker.h"

namespace latent::ui {
namespace {

// Diameters in logical pixels: a ring is a dark disc under a smaller light one.
constexpr double kMarkerOuter = 15.0;
constexpr double kMarkerInner = 8.0;
constexpr double kHighlightOuter = 10.0;
constexpr double kHighlightInner = 5.0;
const QColor kMarkerRing(20, 20, 20);
const QColor kHighlightRing(30, 30, 30);
const QColor kItemCentre(255, 255, 255);
const QColor kGeneratedCentre(255, 200, 0);
constexpr double kPathEnd = 11.0;
const QColor kPathStart(40, 170, 70);
const QColor kPathFinish(215, 50, 45);

// Where `world` lands on the view in logical pixels (y down); nullopt behind the camera.
std::optional<QPointF> onView(const latent::ScreenView& view, double dpr, const QVector3D& world) {
    const auto& m = view.worldToView;
    const double w = m[12] * world.x() + m[13] * world.y() + m[14] * world.z() + m[15];
    if (w <= 0.0) return std::nullopt;
    const auto p =
        latent::worldToScreen(m, view.width, view.height, {world.x(), world.y(), world.z()});
    return QPointF(p[0] / dpr, (view.height - p[1]) / dpr);
}

void disc(QPainter& painter, QPointF centre, double diameter, const QColor& colour) {
    painter.setBrush(colour);
    painter.drawEllipse(centre, diameter / 2.0, diameter / 2.0);
}

}  // namespace

MapMarkerOverlay::MapMarkerOverlay(QWidget* view, std::function<latent::ScreenView()> camera)
    : QWidget(view), camera_(std::move(camera)) {
    setAttribute(Qt::WA_TransparentForMouseEvents);
    setAttribute(Qt::WA_NoSystemBackground);
    setGeometry(view->rect());
    view->installEventFilter(this);
}

bool MapMarkerOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && event->type() == QEvent::Resize) setGeometry(parentWidget()->rect());
    return false;
}

void MapMarkerOverlay::setMarker(const QVector3D& position, bool generated) {
    marker_ = position;
    generated_ = generated;
    update();
}

void MapMarkerOverlay::clearMarker() {
    marker_.reset();
    update();
}

void MapMarkerOverlay::setHighlights(std::vector<QVector3D> positions) {
    highlights_ = std::move(positions);
    update();
}

void MapMarkerOverlay::setPathEnds(const std::vector<QVector3D>& path) {
    ends_ = path.size() >= 2 ? std::vector<QVector3D>{path.front(), path.back()}
                             : std::vector<QVector3D>{};
    update();
}

void MapMarkerOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    paintRings(painter);
}

void MapMarkerOverlay::paintRings(QPainter& painter) const {
    const latent::ScreenView view = camera_();
    const double dpr = devicePixelRatioF();
    if ((!marker_ && highlights_.empty() && ends_.empty()) || view.width <= 0.0 ||
        view.height <= 0.0) {
        return;
    }
    std::vector<QPointF> rings;
    rings.reserve(highlights_.size());
    for (const auto& h : highlights_) {
        if (const auto p = onView(view, dpr, h)) rings.push_back(*p);
    }
    const auto marker = marker_ ? onView(view, dpr, *marker_) : std::nullopt;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    // Every dark disc before any light one, so touching rings keep their centres.
    for (const QPointF& p : rings) disc(painter, p, kHighlightOuter, kHighlightRing);
    if (marker) disc(painter, *marker, kMarkerOuter, kMarkerRing);
    for (const QPointF& p : rings) disc(painter, p, kHighlightInner, kItemCentre);
    if (marker) disc(painter, *marker, kMarkerInner, generated_ ? kGeneratedCentre : kItemCentre);
    for (std::size_t e = 0; e < ends_.size(); ++e) {
        if (const auto p = onView(view, dpr, ends_[e])) {
            disc(painter, *p, kPathEnd, e == 0 ? kPathStart : kPathFinish);
        }
    }
}

}  // namespace latent::ui
