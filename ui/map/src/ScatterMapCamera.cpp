// ScatterMap's camera: framing the points, a restored session's view, and where world
// points land on the view and back.
#include <vtkCamera.h>
#include <vtkPolyData.h>
#include <vtkRenderer.h>

#include <algorithm>

#include "ScatterMapImpl.h"
#include "latent/core/ScreenPicker.h"

namespace latent::ui {

void ScatterMap::resetCamera() {
    auto* camera = impl_->renderer->GetActiveCamera();
    camera->SetViewUp(0, 1, 0);
    if (impl_->dims == 3) {
        camera->SetFocalPoint(0, 0, 0);
        camera->SetPosition(1.0, 0.8, 1.6);
        camera->ParallelProjectionOff();
        impl_->renderer->ResetCamera();
        camera->Zoom(1.4);  // ResetCamera frames the bounding sphere, which leaves wide margins
    } else {
        fitPlanarView();
    }
    impl_->renderer->ResetCameraClippingRange();
    impl_->view->requestRender();
    impl_->cameraFitted = true;
}

bool ScatterMap::cameraFitted() const { return impl_->cameraFitted; }

latent::MapCamera ScatterMap::camera() const {
    auto* camera = impl_->renderer->GetActiveCamera();
    latent::MapCamera c;
    camera->GetPosition(c.position.data());
    camera->GetFocalPoint(c.focalPoint.data());
    camera->GetViewUp(c.viewUp.data());
    c.parallelScale = camera->GetParallelScale();
    return c;
}

void ScatterMap::setCamera(const latent::MapCamera& c) {
    auto* camera = impl_->renderer->GetActiveCamera();
    camera->SetPosition(c.position.data());
    camera->SetFocalPoint(c.focalPoint.data());
    camera->SetViewUp(c.viewUp.data());
    camera->SetParallelScale(c.parallelScale);
    impl_->renderer->ResetCameraClippingRange();
    impl_->view->requestRender();
    impl_->cameraFitted = false;
}

// Frames the 2-D points' bounding box with a small margin, whatever the window's shape.
void ScatterMap::fitPlanarView() {
    auto* camera = impl_->renderer->GetActiveCamera();
    camera->ParallelProjectionOn();
    double b[6] = {-1, 1, -1, 1, 0, 0};
    if (impl_->count > 0) impl_->poly->GetBounds(b);
    const double cx = 0.5 * (b[0] + b[1]), cy = 0.5 * (b[2] + b[3]);
    const double halfW = std::max(0.5 * (b[1] - b[0]), 1e-6);
    const double halfH = std::max(0.5 * (b[3] - b[2]), 1e-6);
    const double aspect = impl_->view->height() > 0
                              ? static_cast<double>(impl_->view->width()) / impl_->view->height()
                              : 1.0;
    camera->SetFocalPoint(cx, cy, 0);
    camera->SetPosition(cx, cy, 1.0 + 2.0 * std::max(halfW, halfH));
    camera->SetParallelScale(1.06 * std::max(halfH, halfW / aspect));
}

QPoint ScatterMap::viewPositionOf(std::size_t index) const {
    return viewPositionAt(positionOf(index));
}

QPoint ScatterMap::viewPositionAt(const QVector3D& position) const {
    const std::array<double, 3> world{position.x(), position.y(), position.z()};
    const auto size = impl_->viewportSize();
    const auto p = latent::worldToScreen(impl_->worldToView(), size[0], size[1], world);
    return impl_->fromDisplay(p[0], p[1]);
}

QVector3D ScatterMap::worldAt(QPoint viewPos) const {
    auto* r = impl_->renderer.Get();
    double focal[4] = {0, 0, 0, 1};
    r->GetActiveCamera()->GetFocalPoint(focal);
    r->SetWorldPoint(focal[0], focal[1], focal[2], 1.0);
    r->WorldToDisplay();
    const double depth = r->GetDisplayPoint()[2];
    const auto d = impl_->toDisplay(viewPos);
    r->SetDisplayPoint(d[0], d[1], depth);
    r->DisplayToWorld();
    const double* w = r->GetWorldPoint();
    const double scale = w[3] != 0.0 ? 1.0 / w[3] : 1.0;
    return QVector3D(static_cast<float>(w[0] * scale), static_cast<float>(w[1] * scale),
                     impl_->dims == 2 ? 0.0f : static_cast<float>(w[2] * scale));
}

latent::ScreenView ScatterMap::screenView() const {
    const auto size = impl_->viewportSize();
    return {impl_->worldToView(), size[0], size[1]};
}

}  // namespace latent::ui
