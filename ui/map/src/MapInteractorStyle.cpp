#include "MapInteractorStyle.h"

#include <vtkCallbackCommand.h>
#include <vtkCamera.h>
#include <vtkObjectFactory.h>
#include <vtkRenderWindowInteractor.h>
#include <vtkRenderer.h>

#include <cmath>

namespace latent::ui {

vtkStandardNewMacro(MapInteractorStyle);

void MapInteractorStyle::OnLeftButtonDown() {
    if (!planar_ && !Interactor->GetShiftKey()) {
        vtkInteractorStyleTrackballCamera::OnLeftButtonDown();
        return;
    }
    FindPokedRenderer(Interactor->GetEventPosition()[0], Interactor->GetEventPosition()[1]);
    if (!CurrentRenderer) return;
    GrabFocus(EventCallbackCommand);
    panning_ = true;
    StartPan();
}

void MapInteractorStyle::OnLeftButtonUp() {
    if (!panning_) {
        vtkInteractorStyleTrackballCamera::OnLeftButtonUp();
        return;
    }
    panning_ = false;
    EndPan();
    if (Interactor) ReleaseFocus();
}

void MapInteractorStyle::OnMouseWheelForward() {
    zoomAtCursor(wheelFactor());
}

void MapInteractorStyle::OnMouseWheelBackward() {
    zoomAtCursor(1.0 / wheelFactor());
}

double MapInteractorStyle::wheelFactor() const {
    return std::pow(1.1, 0.2 * MotionFactor * MouseWheelMotionFactor);
}

// Zooming by f shrinks every offset from the focal point F by f on screen; moving F (and
// the camera with it) by (W - F)(1 - 1/f) brings the cursor's point W back under the
// cursor. The same holds for a perspective camera, whose focal plane gets f times closer.
void MapInteractorStyle::zoomAtCursor(double factor) {
    const int* cursor = Interactor->GetEventPosition();
    FindPokedRenderer(cursor[0], cursor[1]);
    if (!CurrentRenderer) return;
    GrabFocus(EventCallbackCommand);
    StartDolly();
    vtkCamera* camera = CurrentRenderer->GetActiveCamera();
    double focal[3], position[3], display[3], world[4];
    camera->GetFocalPoint(focal);
    ComputeWorldToDisplay(CurrentRenderer, focal[0], focal[1], focal[2], display);
    ComputeDisplayToWorld(CurrentRenderer, cursor[0], cursor[1], display[2], world);
    if (camera->GetParallelProjection()) {
        camera->SetParallelScale(camera->GetParallelScale() / factor);
    } else {
        camera->Dolly(factor);
    }
    camera->GetFocalPoint(focal);
    camera->GetPosition(position);
    const double keep = 1.0 - 1.0 / factor;
    for (int i = 0; i < 3; ++i) {
        const double shift = (world[i] - focal[i]) * keep;
        focal[i] += shift;
        position[i] += shift;
    }
    camera->SetFocalPoint(focal);
    camera->SetPosition(position);
    if (AutoAdjustCameraClippingRange) CurrentRenderer->ResetCameraClippingRange();
    if (Interactor->GetLightFollowCamera()) CurrentRenderer->UpdateLightsGeometryToFollowCamera();
    Interactor->Render();
    EndDolly();
    ReleaseFocus();
}

}  // namespace latent::ui
