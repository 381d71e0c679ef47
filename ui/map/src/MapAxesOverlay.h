#pragma once

#include <QStringList>
#include <QVector3D>

#include "ViewOverlay.h"

namespace latent::ui {

// Axes with ticks and titles over the map's view, for maps whose axes mean something
// (latent dimensions): in 2D along the view's bottom and left edges, over what is in
// view; in 3D along three edges of the points' bounding box. An overlay, so it follows
// every camera move without a VTK render of its own.
class MapAxesOverlay : public ViewOverlay {
    Q_OBJECT
public:
    using ViewOverlay::ViewOverlay;

    // One title per axis (2 or 3) and the points' bounds; no titles: no axes.
    void setAxes(const QStringList& titles, const QVector3D& lowest, const QVector3D& highest);
    QStringList titles() const { return titles_; }

    void paintOver(QPainter& painter) const override;

private:
    void paintPlanar(QPainter& painter, const latent::ScreenView& view) const;
    void paintSpatial(QPainter& painter, const latent::ScreenView& view) const;

    QStringList titles_;
    QVector3D lowest_, highest_;
};

}  // namespace latent::ui
