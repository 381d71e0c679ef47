#pragma once

#include <QObject>
#include <cstddef>
#include <optional>
#include <vector>

namespace latent::ui {

class ColourByPanel;
class ExplorerState;
class NeighboursPanel;
class ScatterMap;

// The rings on the map: an item hovered on a linked map (a compared model's), the current
// point's neighbours, then the Colour-by search matches. They follow these lists and the
// map's points (a new projection, a layout preview).
class MapHighlights : public QObject {
    Q_OBJECT
public:
    MapHighlights(ScatterMap* map, const NeighboursPanel* neighbours, const ColourByPanel* colourBy,
                  const ExplorerState* state, QObject* parent);

    // The item under the cursor on a linked map (none: nullopt).
    void setLinkedItem(std::optional<std::size_t> item);
    std::vector<std::size_t> points() const;
    // Puts the rings where the map draws their points now.
    void refresh();

private:
    ScatterMap* map_;
    const NeighboursPanel* neighbours_;
    const ColourByPanel* colourBy_;
    std::optional<std::size_t> linked_;
};

}  // namespace latent::ui
