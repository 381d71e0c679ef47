#pragma once

#include <vtkActor.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>

#include <QVector3D>
#include <vector>

class vtkRenderer;

namespace latent::ui {

// A path drawn over the map (the morph from A to B) as a polyline; its two ends are marked by
// MapMarkerOverlay. Its own actor, so the point cloud's rendering is untouched.
class MapPathLayer {
public:
    MapPathLayer();

    void addTo(vtkRenderer* layer);
    // `points` from A (front) to B (back); fewer than 2 points hides the path.
    void setPoints(const std::vector<QVector3D>& points, double devicePixelRatio);
    void clear() { setPoints({}, 1.0); }
    const std::vector<QVector3D>& points() const { return points_; }

private:
    std::vector<QVector3D> points_;
    vtkNew<vtkPolyData> line_;
    vtkNew<vtkPolyDataMapper> lineMapper_;
    vtkNew<vtkActor> lineActor_;
};

}  // namespace latent::ui
