#pragma once

#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>

#include <array>
#include <cstdint>
#include <vector>

#include "latent/core/PointsInSight.h"

class vtkDataArray;
class vtkPoints;
class vtkRenderer;

namespace latent::ui {

// What a big map draws at rest: of all its points, only those that can show (core's
// pointsInSight: on screen and not hidden in every pixel they touch), in their order, so a
// frame of a million points costs about what a frame of the pixels they cover does, with
// the same picture. Chosen again when the camera, the viewport, the point size or the
// points change; a recolour only gathers the colours anew.
class MapRestingPoints {
public:
    explicit MapRestingPoints(vtkRenderer* renderer);
    MapRestingPoints(const MapRestingPoints&) = delete;
    MapRestingPoints& operator=(const MapRestingPoints&) = delete;

    // Before a frame: brings mapper() up to date with `full`'s points and colours, drawn
    // as `footprint`, and the renderer's camera now, and says whether it is worth drawing
    // in place of `full`: false when most points are on top anyway.
    bool update(vtkPolyData* full, PointFootprint footprint);

    vtkPolyDataMapper* mapper() { return mapper_; }
    std::size_t size() const { return rows_.size(); }

private:
    // What the chosen rows depend on.
    struct Placement {
        std::array<double, 16> worldToView{};
        int width = 0, height = 0;
        PointFootprint footprint;
        vtkPoints* points = nullptr;
        vtkMTimeType pointsTime = 0;
        bool operator==(const Placement&) const = default;
    };
    struct Colouring {
        vtkDataArray* colours = nullptr;
        vtkMTimeType time = 0;
        bool operator==(const Colouring&) const = default;
    };

    Placement placementNow(vtkPoints* points, PointFootprint footprint) const;

    vtkRenderer* renderer_;
    vtkNew<vtkPolyData> poly_;
    vtkNew<vtkPolyDataMapper> mapper_;
    std::vector<std::uint32_t> rows_;
    Placement placement_;
    Colouring colouring_;
    bool worthwhile_ = false;
};

}  // namespace latent::ui
