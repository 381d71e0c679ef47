#include "MapInteractorStyle.h"

#include <vtkCallbackCommand.h>
#include <vtkObjectFactory.h>
#include <vtkRenderWindowInteractor.h>

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

}  // namespace latent::ui
