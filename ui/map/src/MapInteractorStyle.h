#pragma once

#include <vtkInteractorStyleTrackballCamera.h>

namespace latent::ui {

// Mouse controls for the map. 3-D: left drag rotates, middle or shift+left drag pans,
// wheel or right drag zooms. 2-D (planar): left drag pans, wheel or right drag zooms,
// and nothing rotates the plane away.
class MapInteractorStyle : public vtkInteractorStyleTrackballCamera {
public:
    static MapInteractorStyle* New();
    vtkTypeMacro(MapInteractorStyle, vtkInteractorStyleTrackballCamera)

    void setPlanar(bool planar) { planar_ = planar; }
    bool planar() const { return planar_; }

    void OnLeftButtonDown() override;
    void OnLeftButtonUp() override;

protected:
    MapInteractorStyle() = default;

private:
    bool planar_ = true;
    bool panning_ = false;
};

}  // namespace latent::ui
