#pragma once

#include <QPainter>
#include <QPointF>
#include <QVector3D>
#include <QWidget>
#include <functional>
#include <optional>

#include "latent/core/SelectionGeometry.h"

namespace latent::ui {

// A transparent widget over the map's view that draws in world coordinates (markers,
// axes): it covers the view through resizes and lets the mouse through. As a plain
// widget it repaints without a VTK render of the point cloud, and a render of the view
// (camera moves) repaints it too: Qt paints a widget's children with it.
class ViewOverlay : public QWidget {
    Q_OBJECT
public:
    // `camera` says how the view projects world points now.
    ViewOverlay(QWidget* view, std::function<latent::ScreenView()> camera);

    // Paints in the view's logical pixels (y down): on the overlay, or onto a grabbed frame.
    virtual void paintOver(QPainter& painter) const = 0;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    latent::ScreenView camera() const { return camera_(); }
    // Where `world` lands on the view in logical pixels (y down); nullopt behind the camera.
    std::optional<QPointF> onView(const latent::ScreenView& view, const QVector3D& world) const;

private:
    std::function<latent::ScreenView()> camera_;
};

}  // namespace latent::ui
