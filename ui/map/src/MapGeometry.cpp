#include "MapGeometry.h"

#include <vtkCamera.h>
#include <vtkFloatArray.h>
#include <vtkMatrix4x4.h>
#include <vtkNew.h>
#include <vtkTypeInt32Array.h>

#include <algorithm>

namespace latent::ui {

vtkSmartPointer<vtkCellArray> vertexCells(vtkIdType count) {
    vtkNew<vtkTypeInt32Array> offsets;
    vtkNew<vtkTypeInt32Array> connectivity;
    offsets->SetNumberOfValues(count + 1);
    connectivity->SetNumberOfValues(count);
    for (vtkIdType i = 0; i < count; ++i) {
        offsets->SetValue(i, static_cast<std::int32_t>(i));
        connectivity->SetValue(i, static_cast<std::int32_t>(i));
    }
    offsets->SetValue(count, static_cast<std::int32_t>(count));
    auto cells = vtkSmartPointer<vtkCellArray>::New();
    cells->SetData(offsets, connectivity);
    return cells;
}

vtkSmartPointer<vtkPoints> pointsFrom(const LatentBatch& coords) {
    auto points = vtkSmartPointer<vtkPoints>::New();
    points->SetDataTypeToFloat();
    points->SetNumberOfPoints(static_cast<vtkIdType>(coords.count));
    float* dst = static_cast<vtkFloatArray*>(points->GetData())->GetPointer(0);
    const std::size_t used = std::min<std::size_t>(coords.dim, 3);
    for (std::size_t i = 0; i < coords.count; ++i, dst += 3) {
        const auto row = coords.row(i);
        dst[0] = dst[1] = dst[2] = 0.0f;
        std::copy_n(row.begin(), used, dst);
    }
    return points;
}

vtkSmartPointer<vtkPoints> pointsAt(vtkPoints* points, const std::vector<std::uint32_t>& rows) {
    auto out = vtkSmartPointer<vtkPoints>::New();
    out->SetDataTypeToFloat();
    out->SetNumberOfPoints(static_cast<vtkIdType>(rows.size()));
    const float* src = static_cast<vtkFloatArray*>(points->GetData())->GetPointer(0);
    float* dst = static_cast<vtkFloatArray*>(out->GetData())->GetPointer(0);
    for (const std::uint32_t row : rows) dst = std::copy_n(src + std::size_t{row} * 3, 3, dst);
    return out;
}

vtkSmartPointer<vtkUnsignedCharArray> coloursAt(vtkUnsignedCharArray* colours,
                                                const std::vector<std::uint32_t>& rows) {
    auto out = vtkSmartPointer<vtkUnsignedCharArray>::New();
    out->SetNumberOfComponents(4);
    out->SetNumberOfTuples(static_cast<vtkIdType>(rows.size()));
    const std::uint8_t* src = colours->GetPointer(0);
    std::uint8_t* dst = out->GetPointer(0);
    for (const std::uint32_t row : rows) dst = std::copy_n(src + std::size_t{row} * 4, 4, dst);
    return out;
}

std::array<double, 16> worldToView(vtkRenderer* renderer) {
    vtkMatrix4x4* m = renderer->GetActiveCamera()->GetCompositeProjectionTransformMatrix(
        renderer->GetTiledAspectRatio(), -1, 1);
    std::array<double, 16> out{};
    for (int r = 0; r < 4; ++r)
        for (int c = 0; c < 4; ++c) out[static_cast<std::size_t>(4 * r + c)] = m->GetElement(r, c);
    return out;
}

}  // namespace latent::ui
