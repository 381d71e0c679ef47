#pragma once

// ScatterMap's state, shared by the files that implement it (ScatterMap.cpp: the points,
// picking and layers; ScatterMapCamera.cpp: the camera and where world points land).
#include <vtkActor.h>
#include <vtkCamera.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkRenderer.h>

#include <QPoint>
#include <QTimer>
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

#include "LayoutTransition.h"
#include "MapAxesOverlay.h"
#include "MapGeometry.h"
#include "MapInteractorStyle.h"
#include "MapLevelOfDetail.h"
#include "MapMarkerOverlay.h"
#include "MapPathLayer.h"
#include "MapPointColours.h"
#include "latent/core/ScreenPickIndex.h"
#include "latent/ui/LatestJob.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {

// What a pool thread builds for a new set of points.
struct PickStructures {
    std::shared_ptr<const latent::ScreenPickIndex> index;
    std::vector<std::uint32_t> subset;  // drawn while the view moves
};


struct ScatterMap::Impl {
    explicit Impl(QObject* context) : indexing(context) {}

    VtkOpenGLWidget* view = nullptr;
    vtkNew<vtkRenderer> renderer;
    vtkNew<vtkPolyData> poly;
    vtkNew<vtkPolyDataMapper> mapper;
    vtkNew<vtkActor> actor;
    vtkNew<MapInteractorStyle> style;
    vtkNew<vtkRenderer> pathLayer;  // above the points
    MapPathLayer path;
    MapMarkerOverlay* markers = nullptr;  // a widget over the view: moving them renders nothing
    MapAxesOverlay* axes = nullptr;       // likewise
    std::size_t count = 0;
    int dims = 2;
    bool cameraFitted = true;  // as resetCamera left it; false once the user moves the camera
    // Picking: the index once built; until then, a brute-force scan of these coordinates.
    std::shared_ptr<const latent::ScreenPickIndex> pickIndex;
    std::shared_ptr<const latent::LatentBatch> unindexedCoords;
    LatestJob<PickStructures> indexing;  // newest wins: a build for points since replaced is dropped
    QTimer hoverTimer;
    QPoint hoverPos;
    qsizetype hovered = -1;
    // Both add actors after the map's own (the selection overlay must come after it).
    std::unique_ptr<MapPointColours> colours;
    std::unique_ptr<MapLevelOfDetail> lod;
    std::unique_ptr<LayoutTransition> transition;

    std::array<double, 16> worldToView() const { return latent::ui::worldToView(renderer); }
    // Logical Qt pixel (y down) -> VTK display pixel (y up, device pixels), and back.
    std::array<double, 2> toDisplay(QPoint p) const {
        const double dpr = view->devicePixelRatioF();
        return {p.x() * dpr, (view->height() - p.y()) * dpr};
    }
    QPoint fromDisplay(double x, double y) const {
        const double dpr = view->devicePixelRatioF();
        return {qRound(x / dpr), qRound(view->height() - y / dpr)};
    }
    std::array<double, 2> viewportSize() const {
        const int* size = renderer->GetSize();
        return {static_cast<double>(size[0]), static_cast<double>(size[1])};
    }
};

}  // namespace latent::ui
