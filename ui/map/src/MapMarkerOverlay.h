#pragma once

#include <QColor>
#include <QVector3D>
#include <optional>
#include <vector>

#include "ViewOverlay.h"

namespace latent::ui {

// The current point's marker (a dark ring with a light centre) and the rings around other
// points of interest (its neighbours, search matches), over the map's view. They move
// with every slider step and morph frame; as an overlay they repaint without a VTK render
// of the point cloud (tens to hundreds of milliseconds on llvmpipe for 10k points).
class MapMarkerOverlay : public ViewOverlay {
    Q_OBJECT
public:
    using ViewOverlay::ViewOverlay;

    // `generated`: a decoded point that is not a dataset item (yellow centre).
    void setMarker(const QVector3D& position, bool generated);
    void clearMarker();
    std::optional<QVector3D> marker() const { return marker_; }
    void setHighlights(std::vector<QVector3D> positions);
    // The morph's ends, A = front (green) and B = back (red), drawn above everything else;
    // fewer than 2 points: none.
    void setPathEnds(const std::vector<QVector3D>& path);
    // Images searched for (File > Find Image): numbered squares, 1 for the first.
    void setFoundImages(std::vector<QVector3D> positions);
    // Items of another dataset placed on the map (File > Add Data to Map): small crosses.
    void setAddedPoints(std::vector<QVector3D> positions);

    void paintOver(QPainter& painter) const override;

private:
    std::optional<QVector3D> marker_;
    bool generated_ = false;
    std::vector<QVector3D> highlights_;
    std::vector<QVector3D> ends_;
    std::vector<QVector3D> found_;
    std::vector<QVector3D> added_;
};

}  // namespace latent::ui
