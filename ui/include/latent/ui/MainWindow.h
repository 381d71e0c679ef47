#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QMainWindow>
#include <functional>
#include <memory>
#include <optional>

#include "latent/core/Session.h"
#include <vector>

#include "latent/core/Projector.h"
#include "latent/core/Workspace.h"

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QToolButton;

namespace latent::ui {

class BatchDecoder;
class ClassLegend;
class ImagePanel;
class LiveDecoder;
class MorphPanel;
class NeighboursPanel;
class TraversalPanel;
class ProjectionPanel;
class ProjectionRunner;
class ProjectionQualityMeter;
class ModelInfoPanel;
class RecentFiles;
class ScatterMap;
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
    void setInferenceThreads(int threads);
    void setDimensions(int dims);
    // Shows the map projected as `params` say (at once if cached, else when computed);
    // before the workspace is loaded, it sets the projection the map opens with.
    void setProjection(const latent::ProjectionParams& params);
    // Selects dataset item `index` as a click on it would (ignored when out of range).
    void selectItem(qsizetype index);

    // What a session file stores about this window, and back. Opening a session that
    // names another model or dataset reloads first; a bad file is refused with a message
    // and the current session stays as it is. Both return an error message, or "".
    latent::Session captureSession() const;
    QString saveSessionTo(const QString& path);
    QString openSessionFrom(const QString& path);

    ScatterMap* map() const { return map_; }
    ImagePanel* imagePanel() const { return panel_; }
    ClassLegend* legend() const { return legend_; }
    TraversalPanel* traversal() const { return traversal_; }
    MorphPanel* morph() const { return morph_; }
    NeighboursPanel* neighbours() const { return neighbours_; }
    // The latent the exploration panels act on (a clicked point, an edit, a morph frame).
    const std::vector<float>& currentLatent() const { return currentLatent_; }
    ProjectionPanel* projectionPanel() const { return projectionPanel_; }
    QString mapTitle() const;
    ModelInfoPanel* modelInfo() const { return modelInfo_; }
    LiveDecoder* liveDecoder() const { return decoder_; }
    RecentFiles* recentModels() const { return recent_; }
    const latent::Workspace* workspace() const { return workspace_.get(); }
    // The projection on show (nullptr before the first one).
    const latent::ProjectionResult* projection() const { return projection_.get(); }
    int dimensions() const { return dims_; }

Q_SIGNALS:
    void workspaceReady();
    void sessionRestored();
    void loadFailed(const QString& message);
    void decodedShown();
    void projectionShown();
    void projectionFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenusAndToolbar();
    void buildStatusBar();
    void applySession(const latent::Session& session);
    void runExport(const QString& what, std::function<void()> work);
    void exportMorph(bool animated);
    void exportTraversal();
    QString labelFor(std::size_t index) const;
    void buildProjectionDock();
    void onWorkspace(std::shared_ptr<latent::Workspace> workspace);
    void onProgress(double fraction, const QString& message);
    void onLoadFailed(const QString& message);
    void onPointClicked(qsizetype index);
    void onEmptySpaceClicked(QVector3D world);
    void runProjection();
    void showProjection(std::shared_ptr<const latent::ProjectionResult> result, bool fromCache);
    void seedProjectionCache();
    void setBusy(bool busy);
    // Makes `latent` the current point: decodes it, marks it on the map, and (unless it
    // came from the sliders) moves the traversal sliders to it.
    void setCurrent(const std::vector<float>& latent, const QString& label, bool fromSliders);
    QDockWidget* addSideDock(const QString& title, const char* name, QWidget* content);
    void connectExplorationPanels();
    void markCurrentPoint();
    void chooseModelFile();
    void load(const latent::WorkspaceRequest& request);
    void connectModelSettings();  // MainWindowModelSettings.cpp
    void showModelSpecifics();

    latent::WorkspaceRequest request_;  // what the shown workspace was built from
    latent::WorkspaceRequest loading_;  // what the loader is building
    int dims_;
    std::shared_ptr<latent::Workspace> workspace_;
    std::shared_ptr<const latent::ProjectionResult> projection_;
    std::vector<QColor> colors_;  // one per dataset item
    ScatterMap* map_;
    QLabel* mapTitle_;
    ImagePanel* panel_;
    ClassLegend* legend_;
    ModelInfoPanel* modelInfo_;
    RecentFiles* recent_ = nullptr;
    LiveDecoder* decoder_;
    BatchDecoder* stripDecoder_;
    TraversalPanel* traversal_;
    MorphPanel* morph_;
    NeighboursPanel* neighbours_;
    std::vector<float> currentLatent_;
    std::optional<std::size_t> currentIndex_;
    QString currentLabel_;
    std::optional<latent::Session> pendingSession_;  // applied once its workspace is loaded
    WorkspaceLoader* loader_;
    ProjectionPanel* projectionPanel_;
    ProjectionRunner* projector_;
    ProjectionQualityMeter* quality_;
    QLabel* status_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QAction* view2d_ = nullptr;
    QAction* view3d_ = nullptr;
    QElapsedTimer sinceStart_;
    quint64 nearestSearch_ = 0;  // the newest nearest-dataset-image search
};

}  // namespace latent::ui
