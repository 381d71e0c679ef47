#include "latent/ui/MapHighlights.h"

#include <QVector3D>
#include <algorithm>

#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

MapHighlights::MapHighlights(ScatterMap* map, const NeighboursPanel* neighbours, const ColourByPanel* colourBy,
                             const ExplorerState* state, QObject* parent)
    : QObject(parent), map_(map), neighbours_(neighbours), colourBy_(colourBy) {
    connect(neighbours, &NeighboursPanel::neighboursChanged, this, &MapHighlights::refresh);
    connect(colourBy, &ColourByPanel::matchesChanged, this, &MapHighlights::refresh);
    connect(state, &ExplorerState::projectionChanged, this, &MapHighlights::refresh);  // the map was rebuilt
}

void MapHighlights::setLinkedItem(std::optional<std::size_t> item) {
    if (item == linked_) return;
    linked_ = item;
    refresh();
}

std::vector<std::size_t> MapHighlights::points() const {
    constexpr std::size_t kMaxSearchRings = 5000;  // rings beyond this would hide the map
    std::vector<std::size_t> points;
    if (linked_) points.push_back(*linked_);
    for (const auto& n : neighbours_->neighbours()) points.push_back(n.index);
    const auto& found = colourBy_->matches();
    points.insert(points.end(), found.begin(),
                  found.begin() + static_cast<std::ptrdiff_t>(std::min(found.size(), kMaxSearchRings)));
    return points;
}

void MapHighlights::refresh() {
    std::vector<QVector3D> positions;
    for (const std::size_t i : points()) {
        if (i < map_->pointCount()) positions.push_back(map_->positionOf(i));
    }
    map_->setHighlights(positions);
}

}  // namespace latent::ui
