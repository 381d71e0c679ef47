#pragma once

#include <QImage>
#include <QStringList>
#include <QVector3D>
#include <QWidget>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/MapCamera.h"
#include "latent/core/SelectionGeometry.h"

class vtkRenderer;

class vtkUnsignedCharArray;

namespace latent {
class ScreenPickIndex;
}

namespace latent::ui {

class VtkOpenGLWidget;

// The map: one coloured point per dataset item in 2-D or 3-D, mouse navigation, and
// click picking. A click on a point reports its index; a click on empty space reports
// the world position under the cursor (on the plane through the camera's focal point).
// Built for maps of a million points: picking and hover go through a spatial index built
// off the UI thread, and the camera moves over a representative subset (MapLevelOfDetail).
class ScatterMap : public QWidget {
    Q_OBJECT
public:
    explicit ScatterMap(QWidget* parent = nullptr);
    ~ScatterMap() override;

    // What setPoints does with the camera.
    enum class Camera {
        Fit,              // frame the new points
        KeepWhereMoved,   // frame them unless the user moved the camera since it last framed
    };
    // How the points get to new places.
    enum class Motion {
        Jump,   // at once
        Glide,  // moving there over half a second, when they are the same points (LayoutTransition)
    };
    // `coords` has 1 to 3 columns (missing ones are 0); `colors` has one RGB per point.
    // KeepWhereMoved is for a projection's final layout after its previews: a user who
    // zoomed in during the run keeps the view.
    void setPoints(const latent::LatentBatch& coords, const std::vector<QColor>& colors,
                   Camera camera = Camera::Fit, Motion motion = Motion::Jump);
    // The same points at new places (a projection still iterating shows its layouts): no pick
    // index is built for them (clicks scan every point meanwhile; hover waits for the next
    // setPoints), and colours, selection, marker and rings stay; the camera follows them
    // unless the user moved it. False, changing nothing, if the map shows another number of
    // points or dimensions: call setPoints then.
    bool movePoints(const latent::LatentBatch& coords, Motion motion = Motion::Jump);
    // Axes with ticks, one title per axis (2 or 3, as the map's dimensions), for maps
    // whose axes mean something (latent dimensions); empty: no axes.
    void setAxisTitles(const QStringList& titles);
    QStringList axisTitles() const;
    // Where the points are drawn now (dimensions() columns); during a transition, between
    // the layouts.
    latent::LatentBatch drawnLayout() const;
    // Draws the points at `drawn` without changing what the map knows of them (picking
    // stays with the layout last set or moved): a transition's in-between frame. False,
    // drawing nothing, for another number of points or dimensions.
    bool drawInBetween(const latent::LatentBatch& drawn);
    // Empty: no selection, every point in its colour. Otherwise one byte per point (non-zero =
    // selected): selected points keep their colours and are drawn on top, the rest in grey.
    void setSelection(const std::vector<std::uint8_t>& selectedMask);
    // New colours for the points on show (one per point): the camera, the selection, the
    // marker and the rings stay as they are.
    void setColours(const std::vector<QColor>& colors);
    void clear();
    int dimensions() const;
    std::size_t pointCount() const;

    // Marks the current point (ring); `generated` picks a colour for decoded-only points.
    // The marker and the rings are a widget over the view: changing them renders nothing.
    void setMarker(const QVector3D& position, bool generated);
    void clearMarker();
    // Where the marker is (nullopt: hidden).
    std::optional<QVector3D> marker() const;
    // Rings around other points of interest (e.g. the current point's neighbours).
    void setHighlights(const std::vector<QVector3D>& positions);
    // Images searched for: numbered squares at these map positions (empty: none).
    void setFoundImages(const std::vector<QVector3D>& positions);
    // Items of another dataset placed on this map: small crosses (empty: none).
    void setAddedPoints(const std::vector<QVector3D>& positions);
    // A path over the map (the morph), A = front and B = back marked; clearPath hides it.
    void setPath(const std::vector<QVector3D>& points);
    void clearPath();
    const std::vector<QVector3D>& path() const;
    QVector3D positionOf(std::size_t index) const;
    // Frames the points; the map keeps them framed (through resizes and moved points) until
    // the user moves the camera.
    void resetCamera();
    // Whether the camera frames the points as resetCamera left it.
    bool cameraFitted() const;
    // Where the camera is. setCamera puts it there (a restored session's view) as a user
    // move would: the map keeps it through resizes and new layouts until resetCamera.
    latent::MapCamera camera() const;
    void setCamera(const latent::MapCamera& camera);

    // Where point `index` is drawn, in logical pixels of view().
    QPoint viewPositionOf(std::size_t index) const;
    QPoint viewPositionAt(const QVector3D& world) const;
    std::optional<std::size_t> pointAt(QPoint viewPos) const;
    // Whether the spatial index is built (until then pointAt projects every point).
    bool pickIndexReady() const;
    // The spatial index over the drawn points (box and lasso selection), null until built.
    std::shared_ptr<const latent::ScreenPickIndex> pickIndex() const;
    QVector3D worldAt(QPoint viewPos) const;

    VtkOpenGLWidget* view() const;
    QImage grabMap() const;

    // The camera as SelectionGeometry wants it (device pixels, y up).
    latent::ScreenView screenView() const;
    // The renderer that draws the points, for layers drawn in the map's own depth.
    vtkRenderer* renderer() const;
    // Hides the points while another layer (the density image) stands in for them; the
    // selection overlay, marker and rings stay, and picking still works.
    void setPointsHidden(bool hidden);

Q_SIGNALS:
    void pointClicked(qsizetype index);
    void emptySpaceClicked(QVector3D world);
    // The point under the resting cursor changed (-1: none). Checked at most every 30 ms,
    // never while a button is down or the camera moves.
    void pointHovered(qsizetype index);

private:
    void showPoints(const latent::LatentBatch& coords, vtkUnsignedCharArray* colours, Camera camera,
                    Motion motion = Motion::Jump);
    // What the points were drawn at, when `motion` glides them from there (else empty);
    // any transition under way stops.
    latent::LatentBatch leaveDrawnLayout(Motion motion);
    void buildPickIndex(const latent::LatentBatch& coords);
    void onViewClicked(QPoint pos);
    void onHoverDue();
    void forgetHover();
    void fitPlanarView();

    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace latent::ui
