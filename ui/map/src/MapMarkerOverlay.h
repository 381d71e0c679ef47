#pragma once

#include <QColor>
#include <QVector3D>
#include <QWidget>
#include <functional>
#include <optional>
#include <vector>

#include "latent/core/SelectionGeometry.h"

namespace latent::ui {

// The current point's marker (a dark ring with a light centre) and the rings around other
// points of interest (its neighbours, search matches): a transparent widget over the map's
// view. They move with every slider step and morph frame; as a plain widget over the view
// they repaint without a VTK render of the point cloud (tens to hundreds of milliseconds
// on llvmpipe for 10k points). A render of the view (camera moves) repaints them too: Qt
// paints a widget's children with it.
class MapMarkerOverlay : public QWidget {
    Q_OBJECT
public:
    // Covers `view`; `camera` says how the view projects world points now.
    MapMarkerOverlay(QWidget* view, std::function<latent::ScreenView()> camera);

    // `generated`: a decoded point that is not a dataset item (yellow centre).
    void setMarker(const QVector3D& position, bool generated);
    void clearMarker();
    std::optional<QVector3D> marker() const { return marker_; }
    void setHighlights(std::vector<QVector3D> positions);
    // The morph's ends, A = front (green) and B = back (red), drawn above everything else;
    // fewer than 2 points: none.
    void setPathEnds(const std::vector<QVector3D>& path);

    // Paints the rings in the view's logical pixels (y down), e.g. onto a grabbed frame.
    void paintRings(QPainter& painter) const;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    std::function<latent::ScreenView()> camera_;
    std::optional<QVector3D> marker_;
    bool generated_ = false;
    std::vector<QVector3D> highlights_;
    std::vector<QVector3D> ends_;
};

}  // namespace latent::ui
