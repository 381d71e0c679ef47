#include "latent/ui/MapPathLayer.h"

#include <vtkCellArray.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>
#include <vtkUnsignedCharArray.h>

#include <array>

namespace latent::ui {
namespace {

constexpr float kLineWidth = 2.5f;  // logical pixels
constexpr float kEndSize = 11.0f;   // logical pixels

void flatShaded(vtkActor* actor) {
    actor->GetProperty()->SetAmbient(1.0);
    actor->GetProperty()->SetDiffuse(0.0);
    actor->GetProperty()->SetSpecular(0.0);
}

}  // namespace

MapPathLayer::MapPathLayer() {
    lineMapper_->SetInputData(line_);
    lineActor_->SetMapper(lineMapper_);
    flatShaded(lineActor_);
    lineActor_->GetProperty()->SetColor(0.15, 0.15, 0.2);
    lineActor_->GetProperty()->SetAmbientColor(0.15, 0.15, 0.2);
    lineActor_->VisibilityOff();

    endsMapper_->SetInputData(ends_);
    endsMapper_->SetColorModeToDirectScalars();
    endsMapper_->SetScalarModeToUsePointData();
    endsActor_->SetMapper(endsMapper_);
    flatShaded(endsActor_);
    endsActor_->GetProperty()->SetRenderPointsAsSpheres(true);
    endsActor_->VisibilityOff();
}

void MapPathLayer::addTo(vtkRenderer* lineLayer, vtkRenderer* endsLayer) {
    lineLayer->AddActor(lineActor_);
    endsLayer->AddActor(endsActor_);
}

void MapPathLayer::setPoints(const std::vector<QVector3D>& points, double devicePixelRatio) {
    points_ = points.size() >= 2 ? points : std::vector<QVector3D>{};
    const auto n = static_cast<vtkIdType>(points_.size());
    vtkNew<vtkPoints> linePoints;
    linePoints->SetNumberOfPoints(n);
    for (vtkIdType i = 0; i < n; ++i) {
        const auto& p = points_[static_cast<std::size_t>(i)];
        linePoints->SetPoint(i, p.x(), p.y(), p.z());
    }
    vtkNew<vtkCellArray> polyline;
    if (n >= 2) {
        polyline->InsertNextCell(n);
        for (vtkIdType i = 0; i < n; ++i) polyline->InsertCellPoint(i);
    }
    line_->SetPoints(linePoints);
    line_->SetLines(polyline);
    line_->Modified();

    vtkNew<vtkPoints> endPoints;
    vtkNew<vtkCellArray> endCells;
    vtkNew<vtkUnsignedCharArray> rgb;
    rgb->SetNumberOfComponents(3);
    if (n >= 2) {
        const std::array<QVector3D, 2> ends{points_.front(), points_.back()};
        const std::array<std::array<unsigned char, 3>, 2> colors{{{40, 170, 70}, {215, 50, 45}}};
        for (vtkIdType i = 0; i < 2; ++i) {
            const auto& p = ends[static_cast<std::size_t>(i)];
            endPoints->InsertNextPoint(p.x(), p.y(), p.z());
            endCells->InsertNextCell(1, &i);
            rgb->InsertNextTypedTuple(colors[static_cast<std::size_t>(i)].data());
        }
    }
    ends_->SetPoints(endPoints);
    ends_->SetVerts(endCells);
    ends_->GetPointData()->SetScalars(rgb);
    ends_->Modified();

    const auto dpr = static_cast<float>(devicePixelRatio);
    lineActor_->GetProperty()->SetLineWidth(kLineWidth * dpr);
    endsActor_->GetProperty()->SetPointSize(kEndSize * dpr);
    lineActor_->SetVisibility(n >= 2);
    endsActor_->SetVisibility(n >= 2);
}

}  // namespace latent::ui
