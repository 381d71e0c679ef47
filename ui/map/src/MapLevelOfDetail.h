#pragma once

#include <vtkActor.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkSmartPointer.h>

#include <QObject>
#include <QTimer>
#include <array>
#include <cstdint>
#include <utility>
#include <vector>

#include "MapRestingPoints.h"

class vtkObject;
class vtkPoints;
class vtkRenderer;
class vtkUnsignedCharArray;

namespace latent::ui {

class MapInteractorStyle;
class VtkOpenGLWidget;

// Keeps a big map interactive. While the camera moves (drag, wheel) the map draws a fixed
// representative subset of its points instead of all of them; a short idle time after the
// last move brings the full set back, drawn as the points in sight (MapRestingPoints)
// where those are much fewer, and so is a big selection overlay. Before every frame it
// sizes the points for how densely they cover the screen (small points when they crowd,
// up to the normal size when zoomed in or for small maps) and hands each actor the mapper
// of what it draws, so the actors keep their order (the selection overlay after the map,
// which a 2-D map draws on top).
class MapLevelOfDetail : public QObject {
    Q_OBJECT
public:
    // Points drawn while the camera moves, at most (about): chosen so a frame on Mesa's
    // software renderer stays well under 50 ms (docs/performance.md).
    static constexpr std::size_t kInteractiveBudget = 30000;
    // Point size (logical pixels) where points do not crowd; smaller where they do.
    static constexpr double kNormalPointSize = 4.0;

    // Swaps the points of `full` (the map's actor, whose mapper draws all of them) for the
    // subset while moving and the points in sight at rest, and those of `overlay` (points
    // drawn on top of the map, e.g. a selection) for its points in sight at rest; sizes
    // both before each frame.
    MapLevelOfDetail(VtkOpenGLWidget* view, vtkRenderer* renderer, MapInteractorStyle* style,
                     vtkActor* full, vtkActor* overlay);
    ~MapLevelOfDetail() override;

    // A new map of `count` points within `bounds` (xmin, xmax, ymin, ymax, zmin, zmax);
    // no subset yet, so the full set is drawn even while the camera moves.
    void reset(std::size_t count, const std::array<double, 6>& bounds);
    // The subset drawn while moving (rows of `points`, sorted); empty keeps the full set.
    void setSubset(std::vector<std::uint32_t> rows, vtkPoints* points, vtkUnsignedCharArray* colours);
    // The map's colours changed (e.g. a selection): the subset takes them over.
    void refreshColours(vtkUnsignedCharArray* colours);

    // Hides the points (full set and subset alike), e.g. while a density image replaces them;
    // the overlay stays.
    void setPointsHidden(bool hidden);

    bool moving() const { return moving_; }
    std::size_t subsetSize() const { return rows_.size(); }
    // Point size in device pixels for `drawn` points on screen now.
    double pointSizeFor(std::size_t drawn) const;

private:
    void onInteractionStarted(vtkObject*, unsigned long, void*);
    void onInteractionEnded(vtkObject*, unsigned long, void*);
    void onFrameStarting(vtkObject*, unsigned long, void*);
    void setMoving(bool moving);

    // A layer of points: its actor, the mapper drawing all of them, and the points in sight.
    struct Layer {
        Layer(vtkActor* drawing, vtkRenderer* renderer)
            : actor(drawing), all(drawing->GetMapper()), resting(renderer) {}
        vtkActor* actor;
        vtkSmartPointer<vtkMapper> all;
        MapRestingPoints resting;
        // The points in sight when that pays off at `footprint`, else all.
        vtkMapper* restingMapper(PointFootprint footprint);
    };

    VtkOpenGLWidget* view_;
    vtkRenderer* renderer_;
    MapInteractorStyle* style_;
    Layer full_;
    Layer overlay_;
    std::vector<std::pair<vtkObject*, unsigned long>> observers_;
    vtkNew<vtkPolyData> subsetPoly_;
    vtkNew<vtkPolyDataMapper> subsetMapper_;
    std::vector<std::uint32_t> rows_;
    std::size_t count_ = 0;
    std::array<double, 6> bounds_{};
    bool moving_ = false;
    bool hidden_ = false;
    QTimer idle_;
};

}  // namespace latent::ui
