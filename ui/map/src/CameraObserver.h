#pragma once

#include <QObject>
#include <memory>

class vtkRenderer;

namespace latent::ui {

// Reports every change of a renderer's active camera (pan, zoom, orbit, reset) as a Qt
// signal, for map layers that redo their work once the camera has settled.
class CameraObserver : public QObject {
    Q_OBJECT
public:
    CameraObserver(vtkRenderer* renderer, QObject* parent);
    ~CameraObserver() override;

Q_SIGNALS:
    void moved();

private:
    struct Vtk;
    std::unique_ptr<Vtk> vtk_;
};

}  // namespace latent::ui
