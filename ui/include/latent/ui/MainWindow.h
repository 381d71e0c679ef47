#pragma once

#include <QColor>
#include <QElapsedTimer>
#include <QMainWindow>
#include <memory>
#include <vector>

#include "latent/core/Projector.h"
#include "latent/core/Workspace.h"

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace latent::ui {

class ClassLegend;
class ImagePanel;
class LiveDecoder;
class ProjectionPanel;
class ProjectionRunner;
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
    void setDimensions(int dims);
    // Shows the map projected as `params` say (at once if cached, else when computed);
    // before the workspace is loaded, it sets the projection the map opens with.
    void setProjection(const latent::ProjectionParams& params);
    // Selects dataset item `index` as a click on it would (ignored when out of range).
    void selectItem(qsizetype index);

    ScatterMap* map() const { return map_; }
    ImagePanel* imagePanel() const { return panel_; }
    ClassLegend* legend() const { return legend_; }
    ProjectionPanel* projectionPanel() const { return projectionPanel_; }
    QString mapTitle() const;
    const latent::Workspace* workspace() const { return workspace_.get(); }
    // The projection on show (nullptr before the first one).
    const latent::ProjectionResult* projection() const { return projection_.get(); }
    int dimensions() const { return dims_; }

Q_SIGNALS:
    void workspaceReady();
    void loadFailed(const QString& message);
    void decodedShown();
    void projectionShown();
    void projectionFailed(const QString& message);

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildMenusAndToolbar();
    void buildStatusBar();
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

    latent::WorkspaceRequest request_;
    int dims_;
    std::shared_ptr<latent::Workspace> workspace_;
    std::shared_ptr<const latent::ProjectionResult> projection_;
    std::vector<QColor> colors_;  // one per dataset item
    ScatterMap* map_;
    QLabel* mapTitle_;
    ImagePanel* panel_;
    ClassLegend* legend_;
    LiveDecoder* decoder_;
    WorkspaceLoader* loader_;
    ProjectionPanel* projectionPanel_;
    ProjectionRunner* projector_;
    QLabel* status_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QAction* view2d_ = nullptr;
    QAction* view3d_ = nullptr;
    QElapsedTimer sinceStart_;
};

}  // namespace latent::ui
