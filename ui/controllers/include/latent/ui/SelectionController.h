#pragma once

#include <QObject>
#include <QString>
#include <cstddef>
#include <optional>
#include <vector>

class QDockWidget;

namespace latent::ui {

class ExplorerState;
class MainWindow;
class MapSelectionTool;
class SelectionModel;
class SelectionPanel;
class ThumbnailImages;
class ThumbnailLayer;

// Everything about selected points and images on the map, wired to one window: the
// selection state, the map gestures and their toolbar, the Selected dock, the index-list
// export and the thumbnail glyphs. It follows the explorer state; the window is where its
// dock and toolbar go (and, for now, the directions panel and the current point).
class SelectionController : public QObject {
    Q_OBJECT
public:
    SelectionController(ExplorerState* state, MainWindow* window);
    ~SelectionController() override;

    SelectionModel* model() const { return model_; }
    MapSelectionTool* tool() const { return tool_; }
    SelectionPanel* panel() const { return panel_; }
    ThumbnailLayer* thumbnails() const { return thumbnails_; }

    // For session files: the selected indices, and restoring them (after the workspace
    // they index is loaded; out-of-range indices are dropped).
    std::vector<std::size_t> selectedIndices() const;
    void restore(const std::vector<std::size_t>& indices);

    // Asks for a file and writes the selected indices to it, one per line.
    void exportIndexList();
    // The same without the dialog: returns an error message, or "".
    QString exportIndexListTo(const QString& path) const;

private:
    void buildToolbar();
    void onWorkspaceChanged();
    void onProjectionChanged();
    void onSelectionChanged();
    void onPointClicked(std::optional<std::size_t> index, bool toggle);
    void selectClass(int label);

    ExplorerState* state_;
    MainWindow* window_;
    QDockWidget* dock_;
    SelectionModel* model_;
    MapSelectionTool* tool_;
    SelectionPanel* panel_;
    ThumbnailLayer* thumbnails_;
    ThumbnailImages* images_;
    bool wasEmpty_ = true;
};

}  // namespace latent::ui
