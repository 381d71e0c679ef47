#pragma once

#include <QElapsedTimer>
#include <QMainWindow>
#include <memory>

#include "latent/core/Workspace.h"

class QAction;
class QLabel;
class QProgressBar;
class QToolButton;

namespace latent::ui {

class ClassLegend;
class ImagePanel;
class LiveDecoder;
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
    // Selects dataset item `index` as a click on it would (ignored when out of range).
    void selectItem(qsizetype index);

    ScatterMap* map() const { return map_; }
    ImagePanel* imagePanel() const { return panel_; }
    ClassLegend* legend() const { return legend_; }
    ModelInfoPanel* modelInfo() const { return modelInfo_; }
    RecentFiles* recentModels() const { return recent_; }
    const latent::Workspace* workspace() const { return workspace_.get(); }
    int dimensions() const { return dims_; }

Q_SIGNALS:
    void workspaceReady();
    void loadFailed(const QString& message);
    void decodedShown();

protected:
    void closeEvent(QCloseEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void buildMenusAndToolbar();
    void buildStatusBar();
    void onWorkspace(std::shared_ptr<latent::Workspace> workspace);
    void onProgress(double fraction, const QString& message);
    void onLoadFailed(const QString& message);
    void onPointClicked(qsizetype index);
    void onEmptySpaceClicked(QVector3D world);
    void showMap();
    void setBusy(bool busy);
    void chooseModelFile();
    void load(const latent::WorkspaceRequest& request);

    latent::WorkspaceRequest request_;  // what the shown workspace was built from
    latent::WorkspaceRequest loading_;  // what the loader is building
    int dims_;
    std::shared_ptr<latent::Workspace> workspace_;
    ScatterMap* map_;
    QLabel* mapTitle_;
    ImagePanel* panel_;
    ClassLegend* legend_;
    ModelInfoPanel* modelInfo_;
    RecentFiles* recent_ = nullptr;
    LiveDecoder* decoder_;
    WorkspaceLoader* loader_;
    QLabel* status_;
    QProgressBar* progress_;
    QToolButton* cancel_;
    QAction* view2d_ = nullptr;
    QAction* view3d_ = nullptr;
    QElapsedTimer sinceStart_;
};

}  // namespace latent::ui
