#include "MapMarkerOverlay.h"

#include <QPainter>


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

constexpr double kFoundSide = 16.0;
constexpr double kAddedArm = 2.5;  // half the width of an added item's cross
// Faint: thousands of them darken where they crowd, and the map shows through.
const QColor kAddedCross(20, 20, 20, 70);
const QColor kFoundFill(140, 40, 160);

void disc(QPainter& painter, QPointF centre, double diameter, const QColor& colour) {
    painter.setBrush(colour);
    painter.drawEllipse(centre, diameter / 2.0, diameter / 2.0);
}

// A searched image: a purple square with a white edge and its number, unlike any point.
void foundSquare(QPainter& painter, QPointF centre, int number) {
    const QRectF square(centre.x() - kFoundSide / 2.0, centre.y() - kFoundSide / 2.0, kFoundSide, kFoundSide);
    painter.setPen(QPen(Qt::white, 1.5));
    painter.setBrush(kFoundFill);
    painter.drawRect(square);
    QFont font = painter.font();
    font.setPixelSize(10);
    font.setBold(true);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(square, Qt::AlignCenter, QString::number(number));
    painter.setPen(Qt::NoPen);
}

}  // namespace

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

void MapMarkerOverlay::paintOver(QPainter& painter) const {
    const latent::ScreenView view = camera();
    if ((!marker_ && highlights_.empty() && ends_.empty() && found_.empty() && added_.empty()) || view.width <= 0.0 ||
        view.height <= 0.0) {
        return;
    }
    // Added items first: everything else is drawn over them.
    std::vector<QLineF> crosses;
    crosses.reserve(2 * added_.size());
    for (const auto& a : added_) {
        if (const auto p = onView(view, a)) {
            crosses.emplace_back(p->x() - kAddedArm, p->y(), p->x() + kAddedArm, p->y());
            crosses.emplace_back(p->x(), p->y() - kAddedArm, p->x(), p->y() + kAddedArm);
        }
    }
    if (!crosses.empty()) {
        painter.setPen(QPen(kAddedCross, 1.0));
        painter.drawLines(crosses.data(), static_cast<int>(crosses.size()));
    }
    std::vector<QPointF> rings;
    rings.reserve(highlights_.size());
    for (const auto& h : highlights_) {
        if (const auto p = onView(view, h)) rings.push_back(*p);
    }
    const auto marker = marker_ ? onView(view, *marker_) : std::nullopt;
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    // Every dark disc before any light one, so touching rings keep their centres.
    for (const QPointF& p : rings) disc(painter, p, kHighlightOuter, kHighlightRing);
    if (marker) disc(painter, *marker, kMarkerOuter, kMarkerRing);
    for (const QPointF& p : rings) disc(painter, p, kHighlightInner, kItemCentre);
    if (marker) disc(painter, *marker, kMarkerInner, generated_ ? kGeneratedCentre : kItemCentre);
    for (std::size_t e = 0; e < ends_.size(); ++e) {
        if (const auto p = onView(view, ends_[e])) {
            disc(painter, *p, kPathEnd, e == 0 ? kPathStart : kPathFinish);
        }
    }
    for (std::size_t i = 0; i < found_.size(); ++i) {
        if (const auto p = onView(view, found_[i])) foundSquare(painter, *p, static_cast<int>(i + 1));
    }
}

void MapMarkerOverlay::setAddedPoints(std::vector<QVector3D> positions) {
    added_ = std::move(positions);
    update();
}

void MapMarkerOverlay::setFoundImages(std::vector<QVector3D> positions) {
    found_ = std::move(positions);
    update();
}

}  // namespace latent::ui
