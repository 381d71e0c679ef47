#include "MapPointColours.h"

#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkProperty.h>
#include <vtkRenderer.h>

#include <algorithm>

#include "MapGeometry.h"

namespace latent::ui {
namespace {

// Unselected points: light enough to recede, dark enough to stay visible on the background.
const std::array<std::uint8_t, 4> kGrey{196, 196, 202, 255};

}  // namespace

MapPointColours::MapPointColours(vtkRenderer* renderer) {
    overlayMapper_->SetInputData(overlayPoly_);
    overlayMapper_->SetColorModeToDirectScalars();
    overlayMapper_->SetScalarModeToUsePointData();
    overlayActor_->SetMapper(overlayMapper_);
    overlayActor_->GetProperty()->SetAmbient(1.0);
    overlayActor_->GetProperty()->SetDiffuse(0.0);
    overlayActor_->GetProperty()->SetSpecular(0.0);
    overlayActor_->VisibilityOff();
    renderer->AddActor(overlayActor_);
}

std::array<std::uint8_t, 4> MapPointColours::rgba(const QColor& c) {
    return {static_cast<std::uint8_t>(c.red()), static_cast<std::uint8_t>(c.green()),
            static_cast<std::uint8_t>(c.blue()), 255};
}

vtkSmartPointer<vtkUnsignedCharArray> MapPointColours::allocate(std::size_t count) {
    auto out = vtkSmartPointer<vtkUnsignedCharArray>::New();
    out->SetName("color");
    out->SetNumberOfComponents(4);
    out->SetNumberOfTuples(static_cast<vtkIdType>(count));
    return out;
}

vtkSmartPointer<vtkUnsignedCharArray> MapPointColours::fromColors(const std::vector<QColor>& colors) {
    auto out = allocate(colors.size());
    std::uint8_t* dst = out->GetPointer(0);
    for (const QColor& c : colors) {
        const auto bytes = rgba(c);
        dst = std::copy(bytes.begin(), bytes.end(), dst);
    }
    return out;
}

void MapPointColours::setBase(vtkSmartPointer<vtkUnsignedCharArray> colours, vtkPoints* points) {
    base_ = std::move(colours);
    points_ = points;
    setSelection({});
}

void MapPointColours::movePoints(vtkPoints* points) {
    points_ = points;
    const std::vector<std::uint8_t> mask = mask_;
    setSelection(mask);  // the overlay of selected points follows them
}

void MapPointColours::recolour(vtkSmartPointer<vtkUnsignedCharArray> colours) {
    base_ = std::move(colours);
    const std::vector<std::uint8_t> mask = mask_;
    setSelection(mask);
}

bool MapPointColours::setSelection(const std::vector<std::uint8_t>& mask) {
    const auto count = base_ ? static_cast<std::size_t>(base_->GetNumberOfTuples()) : 0;
    if (!mask.empty() && mask.size() != count) return false;
    mask_ = mask;
    std::vector<std::uint32_t> selected;
    if (!mask.empty()) {
        if (!greyed_) greyed_ = allocate(count);
        const std::uint8_t* src = base_->GetPointer(0);
        std::uint8_t* dst = greyed_->GetPointer(0);
        for (std::size_t i = 0; i < count; ++i, src += 4, dst += 4) {
            if (mask[i] != 0) {
                std::copy_n(src, 4, dst);
                selected.push_back(static_cast<std::uint32_t>(i));
            } else {
                std::copy(kGrey.begin(), kGrey.end(), dst);
            }
        }
        greyed_->Modified();
    } else {
        greyed_ = nullptr;
    }
    selectedCount_ = selected.size();
    // The overlay repeats the selected points (they are a fraction of the map, usually).
    if (!selected.empty() && selected.size() < count) {
        auto colours = allocate(selected.size());
        std::uint8_t* dst = colours->GetPointer(0);
        for (const std::uint32_t row : selected) dst = std::copy_n(base_->GetPointer(static_cast<vtkIdType>(row) * 4), 4, dst);
        overlayPoly_->SetPoints(pointsAt(points_, selected));
        overlayPoly_->SetVerts(vertexCells(static_cast<vtkIdType>(selected.size())));
        overlayPoly_->GetPointData()->SetScalars(colours);
    } else {
        overlayPoly_->Initialize();
    }
    overlayPoly_->Modified();
    overlayActor_->SetVisibility(overlayPoly_->GetNumberOfPoints() > 0);
    return true;
}

vtkUnsignedCharArray* MapPointColours::displayed() const { return greyed_ ? greyed_.Get() : base_.Get(); }

}  // namespace latent::ui
