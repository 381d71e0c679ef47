#pragma once

#include <QLabel>
#include <memory>
#include <vector>

#include "latent/ui/ElidedLabel.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/MapHighlights.h"

namespace latent::ui {

// The tests' way to the window's widgets, which product code never reaches: it goes
// through the explorer state, the action classes and signals instead.
class WindowTestAccess {
public:
    explicit WindowTestAccess(const MainWindow& window) : w_(window) {}

    ScatterMap* map() const { return w_.map_; }
    MapDensityLayer* densityLayer() const { return w_.density_; }
    ImagePanel* imagePanel() const { return w_.panel_; }
    ClassLegend* legend() const { return w_.legend_; }
    ColourByPanel* colourBy() const { return w_.colourBy_; }
    // The points ringed on the map: the current point's neighbours, then search matches.
    std::vector<std::size_t> highlightedPoints() const { return w_.highlights_->points(); }
    TraversalPanel* traversal() const { return w_.traversal_; }
    MorphPanel* morph() const { return w_.morph_; }
    NeighboursPanel* neighbours() const { return w_.neighbours_; }
    SelectionController* selection() const { return w_.selection_; }
    AttributePanel* attributes() const { return w_.attributes_; }
    BookmarksPanel* bookmarks() const { return w_.bookmarks_; }
    OutliersPanel* outliers() const { return w_.outliers_; }
    ReportCardPanel* reportCard() const { return w_.reportCard_; }
    ReportCardController* reportCardController() const { return w_.reportCardController_; }
    ClustersPanel* clusters() const { return w_.clusters_; }
    ClustersController* clustersController() const { return w_.clustersController_; }
    TagsController* tags() const { return w_.tags_; }
    ImageSearchPanel* imageSearchPanel() const { return w_.imageSearchPanel_; }
    ImageSearchController* imageSearch() const { return w_.imageSearch_; }
    AddedDataController* addedData() const { return w_.addedData_; }
    AnnotationHistory* annotationHistory() const { return w_.history_; }
    ProjectionPanel* projectionPanel() const { return w_.projectionPanel_; }
    ModelInfoPanel* modelInfo() const { return w_.modelInfo_; }
    Inference* inference() const { return w_.inference_; }
    RecentFiles* recentModels() const { return w_.recent_; }
    QString mapTitle() const { return w_.mapTitle_->text(); }
    QString statusText() const { return w_.status_->text(); }
    int dimensions() const { return w_.dims_; }
    // Shortcuts into the explorer state.
    const latent::Workspace* workspace() const { return w_.state_->workspace().get(); }
    const latent::ProjectionResult* projection() const { return w_.state_->projection().get(); }
    const std::vector<float>& currentLatent() const { return w_.state_->current().latent; }

private:
    const MainWindow& w_;
};

}  // namespace latent::ui

inline latent::ui::WindowTestAccess parts(const latent::ui::MainWindow& window) {
    return latent::ui::WindowTestAccess(window);
}
inline latent::ui::WindowTestAccess parts(const std::unique_ptr<latent::ui::MainWindow>& window) {
    return latent::ui::WindowTestAccess(*window);
}
