#pragma once

#include <QImage>
#include <QVector3D>
#include <QWidget>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent::ui {

class VtkOpenGLWidget;

// The map: one coloured point per dataset item in 2-D or 3-D, mouse navigation, and
// click picking. A click on a point reports its index; a click on empty space reports
// the world position under the cursor (on the plane through the camera's focal point).
class ScatterMap : public QWidget {
    Q_OBJECT
public:
    explicit ScatterMap(QWidget* parent = nullptr);
    ~ScatterMap() override;

    // `coords` has 1 to 3 columns (missing ones are 0); `colors` has one RGB per point.
    void setPoints(const latent::LatentBatch& coords, const std::vector<QColor>& colors);
    void clear();
    int dimensions() const;
    std::size_t pointCount() const;

    // Marks the current point (ring); `generated` picks a colour for decoded-only points.
    void setMarker(const QVector3D& position, bool generated);
    void clearMarker();
    // Rings around other points of interest (e.g. the current point's neighbours).
    void setHighlights(const std::vector<QVector3D>& positions);
    // A path over the map (the morph), A = front and B = back marked; clearPath hides it.
    void setPath(const std::vector<QVector3D>& points);
    void clearPath();
    const std::vector<QVector3D>& path() const;
    QVector3D positionOf(std::size_t index) const;
    void resetCamera();

    // Where point `index` is drawn, in logical pixels of view().
    QPoint viewPositionOf(std::size_t index) const;
    std::optional<std::size_t> pointAt(QPoint viewPos) const;
    QVector3D worldAt(QPoint viewPos) const;

    VtkOpenGLWidget* view() const;
    QImage grabMap() const;

Q_SIGNALS:
    void pointClicked(qsizetype index);
    void emptySpaceClicked(QVector3D world);

private:
    void onViewClicked(QPoint pos);
    void fitPlanarView();

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace latent::ui
