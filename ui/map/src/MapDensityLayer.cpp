#include "latent/ui/MapDensityLayer.h"

#include <vtkActor.h>
#include <vtkCellArray.h>
#include <vtkFloatArray.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkTexture.h>

#include <QTimer>
#include <algorithm>
#include <cmath>
#include <utility>

#include "latent/ui/ColourBar.h"
#include "CameraObserver.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

namespace latent::ui {
namespace {

constexpr int kSettleMs = 120;  // the camera counts as stopped after this long

}  // namespace

struct MapDensityLayer::Vtk {
    vtkNew<vtkPoints> corners;  // of the binned rectangle, counter-clockwise from (x0, y0)
    vtkNew<vtkPolyData> quad;
    vtkNew<vtkPolyDataMapper> mapper;
    vtkNew<vtkImageData> image;
    vtkNew<vtkTexture> texture;
    vtkNew<vtkActor> actor;
};

QColor densityColour(std::uint32_t count, std::uint32_t maxCount) {
    const double top = std::log1p(static_cast<double>(std::max<std::uint32_t>(maxCount, 1)));
    return colourMapAt(1.0 - (0.15 + 0.85 * std::log1p(static_cast<double>(count)) / top));
}

MapDensityLayer::MapDensityLayer(ScatterMap* map, QObject* parent)
    : QObject(parent), map_(map), vtk_(std::make_unique<Vtk>()), settle_(new QTimer(this)) {
    vtk_->corners->SetNumberOfPoints(4);
    vtkNew<vtkFloatArray> tcoords;
    tcoords->SetNumberOfComponents(2);
    for (const auto& [s, t] : {std::pair{0.f, 0.f}, {1.f, 0.f}, {1.f, 1.f}, {0.f, 1.f}})
        tcoords->InsertNextTuple2(s, t);
    vtkNew<vtkCellArray> cells;
    const vtkIdType corner[4] = {0, 1, 2, 3};
    cells->InsertNextCell(4, corner);
    vtk_->quad->SetPoints(vtk_->corners);
    vtk_->quad->SetPolys(cells);
    vtk_->quad->GetPointData()->SetTCoords(tcoords);
    vtk_->mapper->SetInputData(vtk_->quad);
    vtk_->texture->SetInputData(vtk_->image);
    vtk_->texture->InterpolateOff();  // cells stay crisp squares
    vtk_->actor->SetMapper(vtk_->mapper);
    vtk_->actor->SetTexture(vtk_->texture);
    vtk_->actor->GetProperty()->LightingOff();
    vtk_->actor->VisibilityOff();
    vtk_->actor->PickableOff();
    map_->renderer()->AddActor(vtk_->actor);

    settle_->setSingleShot(true);
    settle_->setInterval(kSettleMs);
    connect(settle_, &QTimer::timeout, this, &MapDensityLayer::refresh);
    connect(new CameraObserver(map_->renderer(), this), &CameraObserver::moved, this,
            &MapDensityLayer::onCameraModified);
}

MapDensityLayer::~MapDensityLayer() = default;

void MapDensityLayer::setCoordinateSource(CoordinateSource source) {
    coordsOf_ = std::move(source);
    mapChanged();
}

void MapDensityLayer::setEnabled(bool enabled) {
    enabled_ = enabled;
    refresh();
}

void MapDensityLayer::mapChanged() {
    if (enabled_) refresh();
}

void MapDensityLayer::onCameraModified() {
    if (enabled_) settle_->start();
}

void MapDensityLayer::hide() {
    if (!grid_.counts.empty()) Q_EMIT gridHidden();
    grid_ = {};
    map_->setPointsHidden(false);
    if (vtk_->actor->GetVisibility()) {
        vtk_->actor->VisibilityOff();
        map_->view()->requestRender();
    }
}

void MapDensityLayer::refresh() {
    settle_->stop();
    const latent::LatentBatch* coords = coordsOf_ ? coordsOf_() : nullptr;
    if (!enabled_ || !coords || coords->count == 0 || coords->dim != 2) {
        hide();
        return;
    }
    // The visible part of the map's plane.
    const QSize size = map_->view()->size();
    const QVector3D low = map_->worldAt(QPoint(0, size.height()));
    const QVector3D high = map_->worldAt(QPoint(size.width(), 0));
    const latent::PlaneRect rect{std::min(low.x(), high.x()), std::min(low.y(), high.y()),
                                 std::max(low.x(), high.x()), std::max(low.y(), high.y())};
    if (!(rect.x1 > rect.x0) || !(rect.y1 > rect.y0)) return;
    // Cells of kMinCellPixels for a million points; bigger for smaller maps, so a cell
    // still gathers points rather than holding one each (about 6 pixels at 10,000).
    const double dpr = map_->view()->devicePixelRatioF();
    const double pixelsPerPoint =
        size.width() * dpr * size.height() * dpr / static_cast<double>(coords->count);
    const double cellPixels =
        std::clamp(std::sqrt(pixelsPerPoint), double(kMinCellPixels), double(kMaxCellPixels));
    auto cells = [&](int pixels) {
        const auto n = static_cast<std::size_t>(std::ceil(pixels * dpr / cellPixels));
        return std::clamp<std::size_t>(n, 1, kMaxCells);
    };
    grid_ = latent::binPoints(*coords, rect, cells(size.width()), cells(size.height()));

    auto& image = vtk_->image;
    image->SetDimensions(static_cast<int>(grid_.width), static_cast<int>(grid_.height), 1);
    image->AllocateScalars(VTK_UNSIGNED_CHAR, 4);
    auto* rgba = static_cast<unsigned char*>(image->GetScalarPointer());
    for (std::size_t cell = 0; cell < grid_.counts.size(); ++cell, rgba += 4) {
        const std::uint32_t count = grid_.counts[cell];
        const QColor c = densityColour(count, grid_.maxCount);
        rgba[0] = static_cast<unsigned char>(c.red());
        rgba[1] = static_cast<unsigned char>(c.green());
        rgba[2] = static_cast<unsigned char>(c.blue());
        rgba[3] = count > 0 ? 255 : 0;
    }
    image->Modified();
    // Just behind the plane of the points, so the selection overlay stays in front.
    const double behind = -1e-3 * std::max(rect.x1 - rect.x0, rect.y1 - rect.y0);
    vtk_->corners->SetPoint(0, rect.x0, rect.y0, behind);
    vtk_->corners->SetPoint(1, rect.x1, rect.y0, behind);
    vtk_->corners->SetPoint(2, rect.x1, rect.y1, behind);
    vtk_->corners->SetPoint(3, rect.x0, rect.y1, behind);
    vtk_->corners->Modified();
    vtk_->actor->VisibilityOn();
    map_->setPointsHidden(true);
    map_->view()->requestRender();
    Q_EMIT gridShown(grid_.maxCount);
}

}  // namespace latent::ui
