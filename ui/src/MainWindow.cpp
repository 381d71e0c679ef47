#include "latent/ui/MainWindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "latent/core/DimensionStats.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ImagePanel.h"
#include "latent/core/Error.h"
#include "latent/ui/LiveDecoder.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/ProjectionQualityMeter.h"
#include "latent/ui/ProjectionRunner.h"
#include "latent/ui/ProjectionText.h"
#include "latent/ui/ModelInfoPanel.h"
#include "latent/ui/ModelSettingsPanel.h"
#include "latent/ui/RecentFiles.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/TraversalPanel.h"
#include "latent/ui/WorkspaceLoader.h"

namespace latent::ui {

MainWindow::MainWindow(latent::WorkspaceRequest request, int dims, QWidget* parent)
    : QMainWindow(parent),
      request_(std::move(request)),
      dims_(dims == 3 ? 3 : 2),
      map_(new ScatterMap(this)),
      mapTitle_(new QLabel(this)),
      panel_(new ImagePanel(this)),
      legend_(new ClassLegend(this)),
      modelInfo_(new ModelInfoPanel(this)),
      decoder_(new LiveDecoder(this)),
      stripDecoder_(new BatchDecoder(this)),
      traversal_(new TraversalPanel(this)),
      morph_(new MorphPanel(this)),
      neighbours_(new NeighboursPanel(this)),
      loader_(new WorkspaceLoader(this)),
      projectionPanel_(new ProjectionPanel(this)),
      projector_(new ProjectionRunner(this)),
      quality_(new ProjectionQualityMeter(this)) {
    sinceStart_.start();
    request_.resizeToFit = false;  // a dataset that does not fit is offered a resize first
    setWindowTitle(tr("Latent Explorer"));
    resize(1280, 800);
    setAcceptDrops(true);

    auto* central = new QWidget(this);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(6, 6, 6, 6);
    mapTitle_->setText(tr("No map yet"));
    mapTitle_->setStyleSheet("font-weight: 600; padding: 2px 4px;");
    column->addWidget(mapTitle_);
    column->addWidget(map_, 1);
    setCentralWidget(central);

    addSideDock(tr("Selection"), "selectionDock", panel_);
    auto* key = addSideDock(tr("Classes"), "legendDock", legend_);
    tabifyDockWidget(key, addSideDock(tr("Traverse"), "traverseDock", traversal_));
    tabifyDockWidget(key, addSideDock(tr("Morph"), "morphDock", morph_));
    tabifyDockWidget(key, addSideDock(tr("Neighbours"), "neighboursDock", neighbours_));
    tabifyDockWidget(key, addSideDock(tr("Model"), "modelDock", modelInfo_));
    key->raise();
    connectExplorationPanels();

    buildMenusAndToolbar();
    buildStatusBar();
    buildProjectionDock();

    connect(loader_, &WorkspaceLoader::progress, this, &MainWindow::onProgress);
    connect(loader_, &WorkspaceLoader::finished, this, &MainWindow::onWorkspace);
    connect(loader_, &WorkspaceLoader::failed, this, &MainWindow::onLoadFailed);
    connect(loader_, &WorkspaceLoader::cancelled, this, [this] {
        setBusy(false);
        status_->setText(tr("Loading cancelled."));
    });
    connect(map_, &ScatterMap::pointClicked, this, &MainWindow::onPointClicked);
    connect(map_, &ScatterMap::emptySpaceClicked, this, &MainWindow::onEmptySpaceClicked);
    connect(decoder_, &LiveDecoder::decoded, this,
            [this](quint64, const latent::Image& image, double ms) {
                panel_->setDecoded(image, ms);
                Q_EMIT decodedShown();
            });
    connect(decoder_, &LiveDecoder::failed, this,
            [this](quint64, const QString& message) { panel_->showError(message); });
    connectModelSettings();
}

MainWindow::~MainWindow() = default;

QDockWidget* MainWindow::addSideDock(const QString& title, const char* name, QWidget* content) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(content);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    return dock;
}

void MainWindow::connectExplorationPanels() {
    connect(traversal_, &TraversalPanel::pointEdited, this, [this](const std::vector<float>& z) {
        setCurrent(z, tr("%1, edited with the sliders").arg(currentLabel_.section(',', 0, 0)), true);
    });
    connect(morph_, &MorphPanel::setFromSelectionRequested, this, [this](bool isA) {
        if (currentLatent_.empty()) {
            status_->setText(tr("Select a point on the map first."));
            return;
        }
        morph_->setEndpoint(isA, currentLatent_, currentLabel_, currentIndex_);
    });
    connect(morph_, &MorphPanel::frameRequested, this, [this](const std::vector<float>& z, double t) {
        setCurrent(z, tr("morph frame at t = %1 (%2)")
                          .arg(t, 0, 'f', 2)
                          .arg(morph_->mode() == latent::InterpolationMode::Spherical ? tr("slerp") : tr("linear")),
                   false);
    });
    connect(neighbours_, &NeighboursPanel::itemActivated, this, &MainWindow::selectItem);
    connect(neighbours_, &NeighboursPanel::neighboursChanged, this,
            [this](const std::vector<latent::Neighbour>& found) {
                std::vector<QVector3D> positions;
                for (const auto& n : found) positions.push_back(map_->positionOf(n.index));
                map_->setHighlights(positions);
            });
    connect(morph_, &MorphPanel::stripRequested, stripDecoder_, &BatchDecoder::request);
    connect(stripDecoder_, &BatchDecoder::decoded, morph_, &MorphPanel::setStrip);
    connect(stripDecoder_, &BatchDecoder::failed, this, [this](const QString& m) { status_->setText(m); });
}

void MainWindow::setCurrent(const std::vector<float>& latent, const QString& label, bool fromSliders) {
    if (!workspace_) return;
    currentLatent_ = latent;
    currentIndex_.reset();
    currentLabel_ = label;
    if (!fromSliders) traversal_->setPoint(latent);
    markCurrentPoint();
    panel_->showGenerated(label, true);
    neighbours_->setQuery(latent, std::nullopt);
    decoder_->request(latent);
}

void MainWindow::buildMenusAndToolbar() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Model…"), QKeySequence::Open, this, &MainWindow::chooseModelFile);
    recent_ = new RecentFiles("recentModels", file->addMenu(tr("Open &Recent Model")), 8, this);
    connect(recent_, &RecentFiles::chosen, this, &MainWindow::openModel);
    file->addSeparator();
    file->addAction(tr("&Open Session…"), QKeySequence(tr("Ctrl+Shift+O")), this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open Session"), {}, tr("Sessions (*.json)"));
        if (path.isEmpty()) return;
        const QString error = openSessionFrom(path);
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Open Session"), error);
    });
    file->addAction(tr("&Save Session…"), QKeySequence::Save, this, [this] {
        QString path = QFileDialog::getSaveFileName(this, tr("Save Session"), tr("session.json"), tr("Sessions (*.json)"));
        if (path.isEmpty()) return;
        const QString error = saveSessionTo(path);
        if (!error.isEmpty()) QMessageBox::warning(this, tr("Save Session"), error);
    });
    file->addSeparator();
    auto* exportMenu = file->addMenu(tr("&Export"));
    exportMenu->addAction(tr("Morph strip (PNG)…"), this, [this] { exportMorph(false); });
    exportMenu->addAction(tr("Morph animation (GIF)…"), this, [this] { exportMorph(true); });
    exportMenu->addAction(tr("Traversal grid of the current point (PNG)…"), this, &MainWindow::exportTraversal);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    auto* viewMenu = menuBar()->addMenu(tr("&View"));
    auto* group = new QActionGroup(this);
    view2d_ = new QAction(tr("2D map"), group);
    view3d_ = new QAction(tr("3D map"), group);
    view2d_->setShortcut(QKeySequence(tr("Ctrl+2")));
    view3d_->setShortcut(QKeySequence(tr("Ctrl+3")));
    for (QAction* a : {view2d_, view3d_}) a->setCheckable(true);
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    connect(view2d_, &QAction::triggered, this, [this] { setDimensions(2); });
    connect(view3d_, &QAction::triggered, this, [this] { setDimensions(3); });
    auto* reset = new QAction(tr("Reset view"), this);
    reset->setShortcut(QKeySequence(tr("R")));
    connect(reset, &QAction::triggered, map_, &ScatterMap::resetCamera);
    viewMenu->addActions({view2d_, view3d_});
    viewMenu->addSeparator();
    viewMenu->addAction(reset);

    auto* bar = addToolBar(tr("View"));
    bar->setObjectName("viewToolbar");
    bar->setMovable(false);
    bar->addActions({view2d_, view3d_});
    bar->addSeparator();
    bar->addAction(reset);
}

void MainWindow::buildStatusBar() {
    status_ = new QLabel(tr("Starting…"), this);
    progress_ = new QProgressBar(this);
    progress_->setRange(0, 1000);
    progress_->setMaximumWidth(240);
    progress_->setTextVisible(false);
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    connect(cancel_, &QToolButton::clicked, loader_, &WorkspaceLoader::cancel);
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    setBusy(false);
}

void MainWindow::buildProjectionDock() {
    auto* dock = new QDockWidget(tr("Projection"), this);
    dock->setObjectName("projectionDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(projectionPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    projectionPanel_->setDims(dims_);

    connect(projectionPanel_, &ProjectionPanel::runRequested, this, &MainWindow::runProjection);
    connect(projectionPanel_, &ProjectionPanel::cancelRequested, projector_, &ProjectionRunner::cancel);
    connect(cancel_, &QToolButton::clicked, projector_, &ProjectionRunner::cancel);
    connect(projector_, &ProjectionRunner::started, this, [this](const latent::ProjectionParams& p) {
        projectionPanel_->setRunning(true);
        setBusy(true);
        progress_->setValue(0);
        status_->setText(tr("Projecting: %1…").arg(QString::fromStdString(latent::describe(p))));
    });
    connect(projector_, &ProjectionRunner::progress, this, &MainWindow::onProgress);
    connect(projector_, &ProjectionRunner::layoutUpdated, this, [this](const latent::LatentBatch& layout) {
        if (layout.count == colors_.size()) map_->setPoints(layout, colors_);
    });
    connect(projector_, &ProjectionRunner::finished, this, &MainWindow::showProjection);
    connect(projector_, &ProjectionRunner::failed, this, [this](const QString& message) {
        projectionPanel_->setRunning(false);
        setBusy(false);
        status_->setText(tr("Could not project: %1").arg(message));
        Q_EMIT projectionFailed(message);
        if (!projection_ && workspace_) {  // never leave the map empty: fall back to PCA
            auto p = projectionPanel_->params();
            p.method = latent::ProjectionMethod::Pca;
            setProjection(p);
        }
    });
    connect(projector_, &ProjectionRunner::cancelled, this, [this] {
        projectionPanel_->setRunning(false);
        setBusy(false);
        status_->setText(tr("Projection cancelled; the map shows the previous one."));
        if (projection_) map_->setPoints(projection_->coords, colors_);
    });
    connect(quality_, &ProjectionQualityMeter::measuring, this, [this](const latent::ProjectionResult* r) {
        if (r == projection_.get()) projectionPanel_->setQuality(tr("Measuring how faithful this map is…"));
    });
    connect(quality_, &ProjectionQualityMeter::measured, this,
            [this](const latent::ProjectionResult* r, const ProjectionQualityScores& scores) {
                if (r != projection_.get()) return;
                projectionPanel_->setQuality(ProjectionQualityMeter::describe(scores));
                mapTitle_->setText(latent::ui::mapTitle(*projection_, workspace_->dataset) + " · " +
                                   ProjectionQualityMeter::brief(scores));
            });
}

void MainWindow::setBusy(bool busy) {
    progress_->setVisible(busy);
    cancel_->setVisible(busy);
}

void MainWindow::startLoading() { load(request_); }

void MainWindow::load(const latent::WorkspaceRequest& request) {
    loading_ = request;
    setBusy(true);
    progress_->setValue(0);
    status_->setText(tr("Loading model %1…").arg(QString::fromStdString(request.modelPath.string())));
    loader_->start(request);
}

void MainWindow::setInferenceThreads(int threads) {
    decoder_->setThreads(threads);
    modelInfo_->settings()->setThreads(threads);
}

void MainWindow::onProgress(double fraction, const QString& message) {
    progress_->setValue(static_cast<int>(fraction * 1000));
    if (!message.isEmpty()) status_->setText(message);
}

void MainWindow::onLoadFailed(const QString& message) {
    setBusy(false);
    pendingSession_.reset();  // it belonged to the workspace that failed to load
    status_->setText(workspace_ ? tr("Could not open %1; the previous model stays loaded: %2")
                                      .arg(QString::fromStdString(loading_.modelPath.filename().string()), message)
                                : tr("Could not open the workspace: %1").arg(message));
    Q_EMIT loadFailed(message);
    QMessageBox::warning(this, tr("Latent Explorer"), message);
}

void MainWindow::onWorkspace(std::shared_ptr<latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    request_ = loading_;
    recent_->add(QString::fromStdString(request_.modelPath.string()));
    decoder_->setModel(workspace_->model);
    modelInfo_->setModel(workspace_->model->info(), ModelInfoPanel::datasetNote(*workspace_));
    projection_.reset();
    stripDecoder_->setModel(workspace_->model);
    traversal_->setStatistics(latent::summariseDimensions(workspace_->latents));
    neighbours_->setWorkspace(workspace_);
    const auto& dataset = workspace_->dataset;
    std::vector<QString> names;
    std::vector<std::size_t> counts(dataset.classNames.size(), 0);
    for (const auto& n : dataset.classNames) names.push_back(QString::fromStdString(n));
    for (int label : dataset.labels) {
        if (label >= 0 && static_cast<std::size_t>(label) < counts.size()) ++counts[static_cast<std::size_t>(label)];
    }
    legend_->setClasses(names, counts);
    colors_.resize(workspace_->latents.count);  // prior samples have no dataset items
    for (std::size_t i = 0; i < colors_.size(); ++i) {
        colors_[i] = i < dataset.labels.size() ? classColor(dataset.labels[i]) : unlabelledColor();
    }
    setBusy(false);
    projectionPanel_->setLatentDim(static_cast<int>(workspace_->latents.dim));
    projector_->setSource(std::shared_ptr<const latent::LatentBatch>(workspace_, &workspace_->latents),
                          request_.dataDir.string() + "|" + request_.split + "|" + std::to_string(request_.limit),
                          request_.modelPath.string());
    seedProjectionCache();
    runProjection();  // the workspace's own PCA maps are cached: PCA shows at once
    const auto& info = workspace_->model->info();
    const QString what = workspace_->sampledFromPrior
                             ? tr("%1 prior samples for").arg(groupedCount(workspace_->latents.count))
                             : tr("%1 images encoded by").arg(groupedCount(dataset.count));
    status_->setText(tr("Ready: %1 %2 (%3-d latent) in %4 s; map shown %5 s after start.")
                         .arg(what)
                         .arg(QString::fromStdString(info.name))
                         .arg(info.latentDim)
                         .arg(workspace_->encodeSeconds, 0, 'f', 2)
                         .arg(static_cast<double>(sinceStart_.elapsed()) / 1000.0, 0, 'f', 2));
    Q_EMIT workspaceReady();
    if (pendingSession_) {
        const latent::Session session = std::move(*pendingSession_);
        pendingSession_.reset();
        applySession(session);
    }
}

// The workspace already holds PCA maps in 2D and 3D: offer them as finished projections.
void MainWindow::seedProjectionCache() {
    const auto& ws = *workspace_;
    for (int dims : {2, 3}) {
        if (ws.pca(dims).components() != static_cast<std::size_t>(dims)) continue;
        latent::ProjectionParams p = projectionPanel_->params();
        p.method = latent::ProjectionMethod::Pca;
        p.dims = dims;
        projector_->addToCache(std::make_shared<const latent::ProjectionResult>(
            latent::pcaProjection(ws.pca(dims), ws.coords(dims), p, ws.projectSeconds / 2)));
    }
}

void MainWindow::setDimensions(int dims) {
    dims_ = dims == 3 ? 3 : 2;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    projectionPanel_->setDims(dims_);
    if (workspace_) runProjection();
}

void MainWindow::setProjection(const latent::ProjectionParams& params) {
    projectionPanel_->setParams(params);
    dims_ = params.dims == 3 ? 3 : 2;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    if (workspace_) runProjection();
}

void MainWindow::runProjection() {
    if (!workspace_) return;
    const auto params = projectionPanel_->params();
    dims_ = params.dims;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    projector_->run(params);
}

void MainWindow::showProjection(std::shared_ptr<const latent::ProjectionResult> result, bool fromCache) {
    projection_ = std::move(result);
    projectionPanel_->setRunning(false);
    setBusy(false);
    map_->setPoints(projection_->coords, colors_);
    // The map was rebuilt: put the current point and its neighbours back on it.
    markCurrentPoint();
    std::vector<QVector3D> positions;
    for (const auto& n : neighbours_->neighbours()) positions.push_back(map_->positionOf(n.index));
    map_->setHighlights(positions);
    mapTitle_->setText(latent::ui::mapTitle(*projection_, workspace_->dataset));
    projectionPanel_->setQuality({});
    quality_->measure(std::shared_ptr<const latent::LatentBatch>(workspace_, &workspace_->latents), projection_,
                      projectionPanel_->params().threads);
    const QString how = fromCache ? tr("cached; computed in %1 s") : tr("computed in %1 s");
    projectionPanel_->setSummary(QString::fromStdString(latent::describe(projection_->params)) + ": " +
                                 how.arg(projection_->seconds, 0, 'f', 3));
    status_->setText(tr("Showing %1.").arg(QString::fromStdString(latent::describe(projection_->params))));
    Q_EMIT projectionShown();
}

QString MainWindow::mapTitle() const { return mapTitle_->text(); }

void MainWindow::selectItem(qsizetype index) { onPointClicked(index); }

void MainWindow::onPointClicked(qsizetype index) {
    if (!workspace_ || !projection_ || index < 0 || static_cast<std::size_t>(index) >= workspace_->latents.count) return;
    const auto i = static_cast<std::size_t>(index);
    const auto& dataset = workspace_->dataset;
    if (workspace_->sampledFromPrior) {
        panel_->showGenerated(tr("prior sample %1 (%2)").arg(index).arg(QString::fromStdString(dataset.name)));
    } else {
        panel_->showDatasetItem(index, QString::fromStdString(dataset.className(i)), dataset.image(i));
    }
    const auto coords = projection_->coords.row(i);
    map_->setMarker(QVector3D(coords[0], coords.size() > 1 ? coords[1] : 0.0f,
                              coords.size() > 2 ? coords[2] : 0.0f),
                    false);
    const auto z = workspace_->latents.row(i);
    currentLatent_.assign(z.begin(), z.end());
    currentIndex_ = i;
    currentLabel_ = labelFor(i);
    traversal_->setPoint(currentLatent_);
    neighbours_->setQuery(currentLatent_, i);
    decoder_->request(currentLatent_);
    status_->setText(tr("Image %1 selected.").arg(index));
}

void MainWindow::onEmptySpaceClicked(QVector3D world) {
    if (!workspace_ || !projection_) return;
    std::vector<float> coords = {world.x(), world.y(), world.z()};
    coords.resize(projection_->coords.dim);
    latent::DecodedPosition decoded;
    try {
        decoded = projection_->decode(coords);
    } catch (const latent::Error& e) {
        panel_->showError(QString::fromStdString(e.what()));
        return;
    }
    const QString where = positionText(*projection_, coords);
    panel_->showGenerated(tr("%1 (%2)").arg(where, inverseDescription(*projection_)));
    if (!decoded.exact) panel_->setDataDistance(decoded.spacingsFromData);
    map_->setMarker(world, true);
    currentLatent_ = std::move(decoded.latent);
    currentIndex_.reset();
    currentLabel_ = tr("generated at %1").arg(where);
    traversal_->setPoint(currentLatent_);
    neighbours_->setQuery(currentLatent_, std::nullopt);
    decoder_->request(currentLatent_);
    status_->setText(tr("Decoding the latent at %1.").arg(where));
}

void MainWindow::markCurrentPoint() {
    if (!projection_ || currentLatent_.empty()) return;
    if (currentIndex_ && *currentIndex_ < map_->pointCount()) {
        map_->setMarker(map_->positionOf(*currentIndex_), false);
        return;
    }
    const auto at = projection_->place(currentLatent_);
    if (!at) {  // a layout without a transform: the point has no place on this map
        map_->clearMarker();
        return;
    }
    map_->setMarker(QVector3D((*at)[0], at->size() > 1 ? (*at)[1] : 0.0f, at->size() > 2 ? (*at)[2] : 0.0f), true);
}

QString MainWindow::labelFor(std::size_t index) const {
    const std::string name = workspace_ ? workspace_->dataset.className(index) : std::string();
    return name.empty() ? tr("#%1").arg(index) : tr("#%1 · %2").arg(index).arg(QString::fromStdString(name));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    loader_->cancel();
    projector_->cancel();
    event->accept();
}

}  // namespace latent::ui
