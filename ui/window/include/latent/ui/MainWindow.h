#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <QStringList>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/Projector.h"
#include "latent/core/Workspace.h"
#include "latent/ui/ExplorerState.h"

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QMimeData;
class QSplitter;
class QToolButton;

namespace latent::ui {

class AddedDataController;
class AnnotationHistory;
class AttributePanel;
class BatchDecoder;
class BookmarksPanel;
class ClassLegend;
class ClustersController;
class ClustersPanel;
class ColourByPanel;
class ComparisonController;
class DecoderRequired;
class ElidedLabel;
class ExportActions;
class CurrentPointController;
class MorphController;
class ImagePanel;
class ImageSearchController;
class ImageSearchPanel;
class Inference;
class MapDensityLayer;
class MapHighlights;
class MessageLog;
class MorphPanel;
class NeighboursPanel;
class NoMapOffer;
class OutliersController;
class OutliersPanel;
class ReportCardController;
class ReportCardPanel;
class TraversalPanel;
class ProjectionPanel;
class ProjectionController;
class ModelInfoPanel;
class RecentFiles;
class ScatterMap;
class SelectionController;
class SessionActions;
class StatusProgress;
class TagsController;
class WorkspaceLoader;

// The explorer window: the map in the middle, the image panel and legend at the side,
// what the app is doing in the status bar. It only wires widgets to core jobs.
class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    explicit MainWindow(latent::WorkspaceRequest request, int dims = 2, QWidget* parent = nullptr);
    ~MainWindow() override;

    void startLoading();
    // Opens another model (a .pt file or a .json manifest) on the current dataset. On
    // failure the current model and map stay as they were.
    void openModel(const QString& path);
    // Opens another data source (see latent::loadExplorationData) with the current model;
    // `fit`/`greyscale` say how image folders are fitted to it. A metadata table (CSV/TSV)
    // is joined to the current points by row. On failure the current map stays.
    void openData(const QString& path, latent::FitPolicy fit = latent::FitPolicy::CentreCrop,
                  bool greyscale = false);
    void openMetadata(const QString& path);
    void setInferenceThreads(int threads);
    void setDimensions(int dims);
    // Shows the map projected as `params` say (at once if cached, else when computed);
    // before the workspace is loaded, it sets the projection the map opens with.
    void setProjection(const latent::ProjectionParams& params);
    // Selects dataset item `index` as a click on it would (ignored when out of range).
    void selectItem(qsizetype index);

    // The projection the Projection panel is set to (what the next run computes).
    latent::ProjectionParams projectionParams() const;
    // View > Density view: the density image in place of the points of a 2D map.
    void setDensityView(bool on);
    // View > Open Data on UMAP: once a dataset is shown on PCA, UMAP runs at once in the
    // background (its previews on the map), so the first map worth reading comes by itself.
    // Off unless set: the app sets the user's remembered choice (openOnUmapRemembered).
    void setOpensOnUmap(bool on);
    static bool openOnUmapRemembered();
    // What "Use the Bundled Model" opens when nothing could be opened (unset: not offered).
    void setBundledWorkspace(const latent::WorkspaceRequest& request);
    // Colour by: a metadata column or class, by name; false, changing nothing, when there is none.
    bool setColourColumn(const QString& name);

    // What this window explores: its workspace, projection, colours, current point and
    // selection.
    ExplorerState* state() const { return state_; }
    // File > Open/Save Session.
    SessionActions* sessions() const { return sessions_; }
    // View > Message Log: every message the status bar showed.
    MessageLog* messages() const { return messages_; }
    // File > Export's actions.
    ExportActions* exports() const { return exports_; }
    // File > Compare With Model: the map of the model at `source` (same input size) beside
    // this one, linked and aligned (in the background; the Compare dock shows how it goes);
    // File > Open Checkpoints: `source` a folder of one training run's checkpoints, on a
    // timeline.
    void compareWith(const QString& source);
    ComparisonController* comparison() const { return comparison_; }

Q_SIGNALS:
    void workspaceReady();
    void loadFailed(const QString& message);
    void decodedShown();
    void projectionShown();
    void projectionFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    friend class WindowTestAccess;  // the tests' one way to the window's widgets (tests/support)

    void buildMenusAndToolbar();
    void buildStatusBar();
    QAction* densityViewAction();  // the View menu's toggle, with its MapDensityLayer
    void buildProjectionDock();
    void moveToolDocksUnderProjection();
    void giveTheRoomToTheMap();
    void onWorkspace(std::shared_ptr<latent::Workspace> workspace);
    void onProgress(double fraction, const QString& message);
    void onLoadFailed(const QString& message, const QString& details);
    void runProjection();
    void setBusy(bool busy);
    QDockWidget* addSideDock(const QString& title, const char* name, QWidget* content);
    void chooseModelFile();
    QString modelFolder() const;                    // where the open model's file is
    QString askForModelFile(const QString& title);  // "" when the user cancels
    void chooseDataFile();
    void load(const latent::WorkspaceRequest& request);
    void addDataMenuItems(QMenu* file);
    QString dataFolder() const;
    void openDataAsking(const QString& path);  // asks how to fit images that do not fit
    static QString droppedDataPath(const QMimeData* mime);
    void openDropped(const QString& path);
    void connectModelSettings();  // MainWindowModelSettings.cpp
    void connectAnnotations();    // MainWindowAnnotations.cpp
    void connectImageSearch();    // MainWindowDataFiles.cpp, with Add Data to Map
    void connectComparison(QDockWidget* tabWith);  // MainWindowComparison.cpp
    void chooseComparisonModel();
    static QStringList droppedImages(const QMimeData* mime);

    latent::WorkspaceRequest request_;  // what the shown workspace was built from
    latent::WorkspaceRequest loading_;  // what the loader is building
    std::optional<latent::WorkspaceRequest> bundled_;  // setBundledWorkspace
    NoMapOffer* noMapOffer_ = nullptr;
    int dims_;
    ExplorerState* state_;
    ExportActions* exports_ = nullptr;
    ScatterMap* map_;
    ElidedLabel* mapTitle_;
    ImagePanel* panel_;
    ClassLegend* legend_;
    ColourByPanel* colourBy_ = nullptr;
    DecoderRequired* traversalHolder_ = nullptr;
    DecoderRequired* morphHolder_ = nullptr;
    ModelInfoPanel* modelInfo_;
    QDockWidget* modelDock_ = nullptr;  // brought to the front when a model loads with warnings
    RecentFiles* recent_ = nullptr;
    Inference* inference_;
    BatchDecoder* stripDecoder_;
    TraversalPanel* traversal_;
    MorphPanel* morph_;
    NeighboursPanel* neighbours_;
    AttributePanel* attributes_;
    BookmarksPanel* bookmarks_;
    OutliersPanel* outliers_;
    ReportCardPanel* reportCard_;
    ClustersPanel* clusters_;
    ImageSearchPanel* imageSearchPanel_;
    ImageSearchController* imageSearch_ = nullptr;
    AddedDataController* addedData_ = nullptr;
    CurrentPointController* current_;
    MorphController* morphController_;
    OutliersController* outliersController_ = nullptr;
    ReportCardController* reportCardController_ = nullptr;
    ClustersController* clustersController_ = nullptr;
    QSplitter* maps_ = nullptr;  // the map, and a compared model's beside it
    ComparisonController* comparison_ = nullptr;
    AnnotationHistory* history_ = nullptr;  // Edit > Undo/Redo of clusters and tags
    TagsController* tags_ = nullptr;
    MapHighlights* highlights_ = nullptr;
    SessionActions* sessions_ = nullptr;
    MessageLog* messages_ = nullptr;  // every status-bar message
    QMenu* fileMenu_ = nullptr;
    QAction* sessionsGoBefore_ = nullptr;
    QMenu* exportMenu_ = nullptr;
    QMenu* editMenu_ = nullptr;
    WorkspaceLoader* loader_;
    ProjectionPanel* projectionPanel_;
    ProjectionController* projections_ = nullptr;
    ElidedLabel* status_;
    StatusProgress* progress_;
    QToolButton* cancel_;
    SelectionController* selection_ = nullptr;
    QAction* view2d_ = nullptr;
    QAction* view3d_ = nullptr;
    MapDensityLayer* density_ = nullptr;
    QAction* densityView_ = nullptr;
    QAction* opensOnUmap_ = nullptr;
    QAction* findImage_ = nullptr;  // File > Find Image: needs an encoder
    QElapsedTimer sinceStart_;
};

}  // namespace latent::ui
