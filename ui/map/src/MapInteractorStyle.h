#pragma once

#include <vtkInteractorStyleTrackballCamera.h>

namespace latent::ui {

// Mouse controls for the map. 3-D: left drag rotates, middle or shift+left drag pans,
// wheel or right drag zooms. 2-D (planar): left drag pans, wheel or right drag zooms,
// and nothing rotates the plane away. The wheel zooms about the point under the cursor,
// as map viewers do, so zooming over a cluster stays on it.
class MapInteractorStyle : public vtkInteractorStyleTrackballCamera {
public:
    static MapInteractorStyle* New();
    vtkTypeMacro(MapInteractorStyle, vtkInteractorStyleTrackballCamera)

    void setPlanar(bool planar) { planar_ = planar; }
    bool planar() const { return planar_; }

    void OnLeftButtonDown() override;
    void OnLeftButtonUp() override;
    void OnMouseWheelForward() override;
    void OnMouseWheelBackward() override;

protected:
    MapInteractorStyle() = default;

private:
    // Zooms in by `factor` (> 1; below 1 zooms out) keeping the world point under the
    // cursor, at the focal point's depth, where it is on screen.
    void zoomAtCursor(double factor);
    double wheelFactor() const;  // one notch, as VTK's own wheel zoom

    bool planar_ = true;
    bool panning_ = false;
};

}  // namespace latent::ui
