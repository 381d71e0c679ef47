#pragma once

#include <QObject>
#include <QString>
#include <cstddef>
#include <functional>
#include <utility>
#include <optional>
#include <vector>

#include "latent/core/LatentBatch.h"

class QDockWidget;
class QMainWindow;

namespace latent::ui {

class TagBar;

class ExplorerState;
class Inference;
class MapSelectionTool;
class ScatterMap;
class SelectionModel;
class SelectionPanel;
class ThumbnailImages;
class ThumbnailLayer;

// Everything about selected points and images on the map: the map gestures and their
// toolbar, the Selected dock, the index-list export and the thumbnail glyphs. It edits the
// explorer state's selection and follows the state; `host` is where its dock and toolbar go.
class SelectionController : public QObject {
    Q_OBJECT
public:
    SelectionController(ExplorerState* state, ScatterMap* map, Inference* inference, QMainWindow* host);
    ~SelectionController() override;

    MapSelectionTool* tool() const { return tool_; }
    // Another map of the same items (a compared model's, placed by `coords`): its gestures
    // edit the same selection in the toolbar's mode, and it greys what is not selected.
    void linkMap(ScatterMap* map, std::function<const latent::LatentBatch*()> coords);
    SelectionPanel* panel() const { return panel_; }
    ThumbnailLayer* thumbnails() const { return thumbnails_; }
    QDockWidget* dock() const { return dock_; }
    TagBar* tagBar() const;  // the panel's: it tags the selection

    // Asks for a file and writes the selected indices to it, one per line.
    void exportIndexList();
    // The same without the dialog: returns an error message, or "".
    QString exportIndexListTo(const QString& path) const;

Q_SIGNALS:
    // The user picked one item to look at (a click in a selecting mode, a row of the panel).
    void itemChosen(qsizetype index);

private:
    void buildToolbar();
    void onWorkspaceChanged();
    void onProjectionChanged();
    void onSelectionChanged();
    void onPointClicked(std::optional<std::size_t> index, bool toggle);
    void follow(MapSelectionTool* tool);  // its gestures edit the selection
    void selectClass(int label);

    ExplorerState* state_;
    ScatterMap* map_;
    QMainWindow* host_;
    SelectionModel* model_;  // the state's
    QDockWidget* dock_;
    MapSelectionTool* tool_;
    std::vector<std::pair<ScatterMap*, MapSelectionTool*>> linked_;  // linkMap
    SelectionPanel* panel_;
    ThumbnailLayer* thumbnails_;
    ThumbnailImages* images_;
    bool wasEmpty_ = true;
};

}  // namespace latent::ui
