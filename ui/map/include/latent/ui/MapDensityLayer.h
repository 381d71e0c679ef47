#pragma once

#include <QColor>
#include <QObject>
#include <cstdint>
#include <functional>
#include <memory>

#include "latent/core/DensityGrid.h"
#include "latent/core/LatentBatch.h"

class QTimer;

namespace latent::ui {

class ScatterMap;

// The density view's colour for a cell holding `count` of at most `maxCount` points: the
// map's colour ramp on a log scale, so a cell of one point still shows against thousands.
// The darkest end is kept for the densest cells; sparse ones start at 15% of the ramp.
QColor densityColour(std::uint32_t count, std::uint32_t maxCount);

// The density view of a 2D map: instead of the points, an image of how many points fall
// in each cell of a grid over the visible part of the map (2 to 12 device pixels a side,
// smaller the more points there are),
// coloured on a log scale with the map's colour ramp; empty cells stay blank. It lies in
// the map's plane, so it pans and zooms with the camera, and is binned again at screen
// resolution once the camera has stopped. Picking, hover, the marker and the selection
// overlay keep working. For maps too crowded to read point by point.
class MapDensityLayer : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinCellPixels = 2;        // device pixels per grid cell, for big maps
    static constexpr int kMaxCellPixels = 12;       // for small ones
    static constexpr std::size_t kMaxCells = 1024;  // per side

    explicit MapDensityLayer(ScatterMap* map, QObject* parent = nullptr);
    ~MapDensityLayer() override;

    // The coordinates the map shows, asked for when needed (null: nothing there).
    using CoordinateSource = std::function<const latent::LatentBatch*()>;
    void setCoordinateSource(CoordinateSource source);
    // On: the density image replaces the points (2D maps only; a 3D map keeps its points).
    void setEnabled(bool enabled);
    bool enabled() const { return enabled_; }
    // The map shows other points: bin them again.
    void mapChanged();
    // Bins the visible part of the map now (normally a timer does it after camera moves).
    void refresh();

    // The grid on show (empty when the view is off or the map is 3D).
    const latent::DensityGrid& grid() const { return grid_; }

Q_SIGNALS:
    void gridShown(std::uint32_t maxCount);
    void gridHidden();

private:
    void onCameraModified();
    void hide();

    struct Vtk;
    ScatterMap* map_;
    std::unique_ptr<Vtk> vtk_;
    QTimer* settle_;
    CoordinateSource coordsOf_;
    bool enabled_ = false;
    latent::DensityGrid grid_;
};

}  // namespace latent::ui
