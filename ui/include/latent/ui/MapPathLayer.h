#pragma once

#include <vtkActor.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>

#include <QVector3D>
#include <vector>

class vtkRenderer;

namespace latent::ui {

// A path drawn over the map (the morph from A to B): a polyline with its two ends marked,
// A in green and B in red. Its own actors, so the point cloud's rendering is untouched.
class MapPathLayer {
public:
    MapPathLayer();

    // The line joins `lineLayer`, its end markers `endsLayer` (a layer drawn above it).
    void addTo(vtkRenderer* lineLayer, vtkRenderer* endsLayer);
    // `points` from A (front) to B (back); fewer than 2 points hides the path.
    void setPoints(const std::vector<QVector3D>& points, double devicePixelRatio);
    void clear() { setPoints({}, 1.0); }
    const std::vector<QVector3D>& points() const { return points_; }

private:
    std::vector<QVector3D> points_;
    vtkNew<vtkPolyData> line_;
    vtkNew<vtkPolyDataMapper> lineMapper_;
    vtkNew<vtkActor> lineActor_;
    vtkNew<vtkPolyData> ends_;
    vtkNew<vtkPolyDataMapper> endsMapper_;
    vtkNew<vtkActor> endsActor_;
};

}  // namespace latent::ui
