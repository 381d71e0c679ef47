#include "MapPathLayer.h"

#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

namespace latent::ui {
namespace {

constexpr float kLineWidth = 2.5f;  // logical pixels

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
}

void MapPathLayer::addTo(vtkRenderer* layer) { layer->AddActor(lineActor_); }

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

    const auto dpr = static_cast<float>(devicePixelRatio);
    lineActor_->GetProperty()->SetLineWidth(kLineWidth * dpr);
    lineActor_->SetVisibility(n >= 2);
}

}  // namespace latent::ui
