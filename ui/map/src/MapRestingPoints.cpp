#include "MapRestingPoints.h"

#include <vtkFloatArray.h>
#include <vtkPointData.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include "MapGeometry.h"

namespace latent::ui {
namespace {

// Drawing a subset costs building and uploading it; below this share of the points the
// smaller frames repay that.
constexpr double kWorthwhileShare = 0.7;

}  // namespace

MapRestingPoints::MapRestingPoints(vtkRenderer* renderer) : renderer_(renderer) {
    mapper_->SetInputData(poly_);
    mapper_->SetColorModeToDirectScalars();
    mapper_->SetScalarModeToUsePointData();
}

MapRestingPoints::Placement MapRestingPoints::placementNow(vtkPoints* points,
                                                           PointFootprint footprint) const {
    Placement now;
    now.worldToView = worldToView(renderer_);
    const int* size = renderer_->GetSize();
    now.width = size[0];
    now.height = size[1];
    now.footprint = footprint;
    now.points = points;
    now.pointsTime = points->GetMTime();
    return now;
}

bool MapRestingPoints::update(vtkPolyData* full, PointFootprint footprint) {
    vtkPoints* points = full->GetPoints();
    auto* colours = vtkUnsignedCharArray::SafeDownCast(full->GetPointData()->GetScalars());
    if (points == nullptr || colours == nullptr || points->GetNumberOfPoints() == 0) return false;
    const Placement now = placementNow(points, footprint);
    if (!(now == placement_)) {
        placement_ = now;
        const auto* xyz = static_cast<vtkFloatArray*>(points->GetData())->GetPointer(0);
        const auto count = static_cast<std::size_t>(points->GetNumberOfPoints());
        rows_ = pointsInSight(xyz, count, now.worldToView, now.width, now.height, footprint);
        worthwhile_ = static_cast<double>(rows_.size()) < kWorthwhileShare * static_cast<double>(count);
        colouring_ = {};
        poly_->Initialize();
        if (worthwhile_) {
            poly_->SetPoints(pointsAt(points, rows_));
            poly_->SetVerts(vertexCells(static_cast<vtkIdType>(rows_.size())));
        }
    }
    const Colouring colouring{colours, colours->GetMTime()};
    if (worthwhile_ && !(colouring == colouring_)) {
        colouring_ = colouring;
        poly_->GetPointData()->SetScalars(coloursAt(colours, rows_));
        poly_->Modified();
    }
    return worthwhile_;
}

}  // namespace latent::ui
