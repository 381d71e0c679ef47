#pragma once

#include <vtkActor.h>
#include <vtkNew.h>
#include <vtkPolyData.h>
#include <vtkPolyDataMapper.h>
#include <vtkSmartPointer.h>
#include <vtkUnsignedCharArray.h>

#include <QColor>
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>


class vtkPoints;
class vtkRenderer;

namespace latent::ui {

// The colours the map draws its points with. Each point has its own colour (RGBA bytes:
// the form VTK's mapper draws from without making a converted copy). A selection greys
// the unselected points in a second array and draws the selected ones again in an overlay
// actor added after the map's own, so in 2-D (all at one depth) they stay on top.
class MapPointColours {
public:
    explicit MapPointColours(vtkRenderer* renderer);
    MapPointColours(const MapPointColours&) = delete;
    MapPointColours& operator=(const MapPointColours&) = delete;

    static vtkSmartPointer<vtkUnsignedCharArray> fromColors(const std::vector<QColor>& colors);

    // New points and their own colours; clears the selection.
    void setBase(vtkSmartPointer<vtkUnsignedCharArray> colours, vtkPoints* points);
    // The same points at new places; colours and selection stay.
    void movePoints(vtkPoints* points);
    // Other colours for the same points (e.g. another "Colour by"); the selection stays.
    void recolour(vtkSmartPointer<vtkUnsignedCharArray> colours);
    // Empty mask: no selection. Otherwise one byte per point, non-zero for selected.
    // Returns false (and changes nothing) for a mask of the wrong length.
    bool setSelection(const std::vector<std::uint8_t>& mask);

    // What the map's points are drawn with now (the base colours, or the greyed copy).
    vtkUnsignedCharArray* displayed() const;
    vtkActor* overlay() const { return overlayActor_; }
    std::size_t selectedCount() const { return selectedCount_; }

private:
    static std::array<std::uint8_t, 4> rgba(const QColor& c);
    static vtkSmartPointer<vtkUnsignedCharArray> allocate(std::size_t count);

    vtkSmartPointer<vtkUnsignedCharArray> base_;
    vtkSmartPointer<vtkUnsignedCharArray> greyed_;  // null while nothing is selected
    vtkPoints* points_ = nullptr;
    std::vector<std::uint8_t> mask_;  // the selection, as given to setSelection
    std::size_t selectedCount_ = 0;
    vtkNew<vtkPolyData> overlayPoly_;
    vtkNew<vtkPolyDataMapper> overlayMapper_;
    vtkNew<vtkActor> overlayActor_;
};

}  // namespace latent::ui
