#pragma once

#include <QObject>
#include <cstddef>
#include <vector>

namespace latent::ui {

class ColourByPanel;
class ExplorerState;
class NeighboursPanel;
class ScatterMap;

// The rings on the map: the current point's neighbours, then the Colour-by search
// matches. They follow both lists and the map's points (a new projection, a layout preview).
class MapHighlights : public QObject {
    Q_OBJECT
public:
    MapHighlights(ScatterMap* map, const NeighboursPanel* neighbours, const ColourByPanel* colourBy,
                  const ExplorerState* state, QObject* parent);

    std::vector<std::size_t> points() const;
    // Puts the rings where the map draws their points now.
    void refresh();

private:
    ScatterMap* map_;
    const NeighboursPanel* neighbours_;
    const ColourByPanel* colourBy_;
};

}  // namespace latent::ui
