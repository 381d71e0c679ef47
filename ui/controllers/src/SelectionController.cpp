#include "latent/ui/SelectionController.h"

#include <QAction>
#include <QActionGroup>
#include <QDockWidget>
#include <QFileDialog>
#include <QMainWindow>
#include <QMessageBox>
#include <QToolBar>
#include <string>

#include "latent/core/TableExport.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MapSelectionTool.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SelectionPanel.h"
#include "ThumbnailImages.h"
#include "latent/ui/ThumbnailLayer.h"

namespace latent::ui {

SelectionController::SelectionController(ExplorerState* state, ScatterMap* map, Inference* inference,
                                         QMainWindow* host)
    : QObject(host),
      state_(state),
      map_(map),
      host_(host),
      model_(state->selection()),
      dock_(new QDockWidget(tr("Selected"), host)),
      tool_(new MapSelectionTool(map, this)),
      panel_(new SelectionPanel(host)),
      thumbnails_(new ThumbnailLayer(map, this)),
      images_(new ThumbnailImages(state, inference, this)) {
    // Read at the moment of use: the projection on show changes under us.
    const auto coords = [state] { return state->coordinates(); };
    tool_->setCoordinateSource(coords);
    thumbnails_->setCoordinateSource(coords);
    const auto imageOf = [images = images_](std::size_t index) { return images->imageOf(index); };
    panel_->setImageSource(imageOf);
    thumbnails_->setImageSource(imageOf);
    // Frames in the point's own colour on the map (Colour by), grey outside a selection.
    thumbnails_->setFrameColourSource([this](std::size_t index) {
        if (model_->count() > 0 && !model_->contains(index)) return deselectedColor();
        const auto& colours = state_->colours();
        return index < colours.size() ? colours[index] : unlabelledColor();
    });
    connect(state_, &ExplorerState::coloursChanged, thumbnails_, &ThumbnailLayer::imagesChanged);
    connect(thumbnails_, &ThumbnailLayer::imagesMissing, images_, &ThumbnailImages::want);
    connect(images_, &ThumbnailImages::arrived, thumbnails_, &ThumbnailLayer::mapChanged);

    dock_->setObjectName("selectedDock");
    dock_->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock_->setWidget(panel_);
    host->addDockWidget(Qt::RightDockWidgetArea, dock_);
    buildToolbar();

    connect(state_, &ExplorerState::workspaceChanged, this, &SelectionController::onWorkspaceChanged);
    connect(state_, &ExplorerState::projectionChanged, this, &SelectionController::onProjectionChanged);
    connect(model_, &SelectionModel::changed, this, &SelectionController::onSelectionChanged);
    follow(tool_);
    connect(panel_, &SelectionPanel::itemActivated, this, &SelectionController::itemChosen);
    connect(panel_, &SelectionPanel::clearRequested, model_, &SelectionModel::clear);
    connect(panel_, &SelectionPanel::invertRequested, model_, &SelectionModel::invert);
    connect(panel_, &SelectionPanel::classRequested, this, &SelectionController::selectClass);
    connect(panel_, &SelectionPanel::exportRequested, this, &SelectionController::exportIndexList);
}

SelectionController::~SelectionController() = default;

void SelectionController::follow(MapSelectionTool* tool) {
    connect(tool, &MapSelectionTool::regionSelected, this, [this](const std::vector<std::size_t>& indices, bool add) {
        if (add) {
            model_->add(indices);
        } else {
            model_->replace(indices);
        }
    });
    connect(tool, &MapSelectionTool::pointClicked, this, &SelectionController::onPointClicked);
}

void SelectionController::linkMap(ScatterMap* map, std::function<const latent::LatentBatch*()> coords) {
    auto* tool = new MapSelectionTool(map, this);
    tool->setCoordinateSource(std::move(coords));
    tool->setMode(tool_->mode());
    follow(tool);
    linked_.emplace_back(map, tool);
}


TagBar* SelectionController::tagBar() const { return panel_->tagBar(); }

void SelectionController::buildToolbar() {
    auto* bar = host_->addToolBar(tr("Selection"));
    bar->setObjectName("selectionToolbar");
    bar->setMovable(false);
    auto* group = new QActionGroup(this);
    const auto addMode = [&](const QString& text, const QString& key, const QString& tip,
                             MapSelectionTool::Mode mode) {
        auto* action = new QAction(text, group);
        action->setCheckable(true);
        action->setShortcut(QKeySequence(key));
        action->setToolTip(tr("%1 (%2)").arg(tip, key));
        action->setChecked(mode == MapSelectionTool::Mode::Navigate);
        connect(action, &QAction::triggered, this, [this, mode] {
            tool_->setMode(mode);
            for (const auto& [map, tool] : linked_) tool->setMode(mode);
        });
        bar->addAction(action);
    };
    addMode(tr("Navigate"), tr("N"),
            tr("Drag to move the map; Shift+click adds or removes a point; Ctrl+drag draws a lasso"),
            MapSelectionTool::Mode::Navigate);
    addMode(tr("Box select"), tr("B"),
            tr("Drag a rectangle to select the points inside; Shift+drag adds to the selection"),
            MapSelectionTool::Mode::Box);
    addMode(tr("Lasso select"), tr("L"),
            tr("Draw around points to select them; Shift+drag adds to the selection"),
            MapSelectionTool::Mode::Lasso);
    bar->addSeparator();
    auto* glyphs = bar->addAction(tr("Images on map"));
    glyphs->setCheckable(true);
    glyphs->setChecked(thumbnails_->enabled());
    glyphs->setToolTip(tr("Draw points as their images when zoomed in far enough to tell them apart"));
    connect(glyphs, &QAction::toggled, thumbnails_, &ThumbnailLayer::setEnabled);
    auto* clear = new QAction(tr("Clear selection"), host_);
    clear->setShortcut(QKeySequence(Qt::Key_Escape));
    connect(clear, &QAction::triggered, model_, &SelectionModel::clear);
    host_->addAction(clear);
}

// The state has already emptied the selection (sized to the new points).
void SelectionController::onWorkspaceChanged() {
    const auto* ws = state_->workspace().get();
    thumbnails_->imagesChanged();
    QStringList names;
    for (const auto& name : ws->dataset.classNames) names << QString::fromStdString(name);
    panel_->setClasses(names);
    onSelectionChanged();
}

// setPoints rebuilt the map with class colours: grey it again, and place the glyphs anew.
void SelectionController::onProjectionChanged() {
    if (!state_->projection()) return;
    map_->setSelection(model_->mask());
    thumbnails_->mapChanged();
}

void SelectionController::onSelectionChanged() {
    if (wasEmpty_ && model_->count() > 0) dock_->raise();  // a first selection: show the panel
    wasEmpty_ = model_->count() == 0;
    if (state_->projection()) map_->setSelection(model_->mask());  // else the map has old points
    for (const auto& [map, tool] : linked_) {
        if (map->pointCount() == model_->pointCount()) map->setSelection(model_->mask());  // else other points
    }
    thumbnails_->imagesChanged();  // their frames show the selection
    panel_->setSelection(model_->indices(), model_->pointCount());
}

// A click in a selecting mode selects just that point (and shows it); Shift or Ctrl
// toggles it instead; a click on empty space clears the selection.
void SelectionController::onPointClicked(std::optional<std::size_t> index, bool toggle) {
    if (toggle) {
        if (index) model_->toggle(*index);
        return;
    }
    if (!index) {
        model_->clear();
        return;
    }
    model_->replace({*index});
    Q_EMIT itemChosen(static_cast<qsizetype>(*index));
}

void SelectionController::selectClass(int label) {
    const auto* ws = state_->workspace().get();
    if (!ws) return;
    std::vector<std::size_t> members;
    for (std::size_t i = 0; i < ws->dataset.labels.size(); ++i) {
        if (ws->dataset.labels[i] == label) members.push_back(i);
    }
    model_->replace(members);
}

void SelectionController::exportIndexList() {
    if (model_->count() == 0) {
        QMessageBox::information(host_, tr("Export Selection"), tr("Nothing is selected."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(host_, tr("Export Selection"), "selection.txt",
                                                      tr("Text (*.txt)"));
    if (path.isEmpty()) return;
    const QString error = exportIndexListTo(path);
    if (!error.isEmpty()) QMessageBox::warning(host_, tr("Export Selection"), error);
}

QString SelectionController::exportIndexListTo(const QString& path) const {
    try {
        latent::writeIndexList(path.toStdString(), model_->indices());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return {};
}

}  // namespace latent::ui
