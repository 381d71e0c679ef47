#pragma once

#include <vtkCellArray.h>
#include <vtkPoints.h>
#include <vtkRenderer.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <array>
#include <cstdint>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent::ui {

// One vertex cell per point (how VTK's mapper draws points), in 32-bit storage:
// 8 bytes per point instead of 16.
vtkSmartPointer<vtkCellArray> vertexCells(vtkIdType count);

// float32 xyz points from map coordinates (1 to 3 columns used; missing ones are 0).
vtkSmartPointer<vtkPoints> pointsFrom(const LatentBatch& coords);

// The rows of `points` listed in `rows`, in that order.
vtkSmartPointer<vtkPoints> pointsAt(vtkPoints* points, const std::vector<std::uint32_t>& rows);

// The RGBA colours of the rows listed in `rows`, in that order.
vtkSmartPointer<vtkUnsignedCharArray> coloursAt(vtkUnsignedCharArray* colours,
                                                const std::vector<std::uint32_t>& rows);

// The renderer's camera as one matrix from world to view coordinates (-1..1), row-major.
std::array<double, 16> worldToView(vtkRenderer* renderer);

}  // namespace latent::ui
