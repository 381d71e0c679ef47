#include "latent/ui/MainWindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFileDialog>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "latent/ui/AnnotationHistory.h"
#include "latent/ui/AttributePanel.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ClustersController.h"
#include "latent/ui/ClustersPanel.h"
#include "latent/ui/ElidedLabel.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/DecoderRequired.h"
#include "latent/ui/ExportActions.h"
#include "latent/ui/HelpMenu.h"
#include "latent/ui/HoverTooltip.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/ImageSearchPanel.h"
#include "latent/ui/MapHighlights.h"
#include "latent/ui/MessageLog.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MapDensityLayer.h"
#include "latent/ui/ModelInfoPanel.h"
#include "latent/ui/ModelSettingsPanel.h"
#include "latent/ui/MorphController.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/OutliersController.h"
#include "latent/ui/OutliersPanel.h"
#include "latent/ui/ReportCardController.h"
#include "latent/ui/ReportCardPanel.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/ProjectionController.h"
#include "latent/ui/RecentFiles.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/SelectionController.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SessionActions.h"
#include "latent/ui/SessionAutosave.h"
#include "latent/ui/StatusProgress.h"
#include "latent/ui/TraversalPanel.h"
#include "latent/ui/WorkspaceLoader.h"
#include "latent/ui/WorkspaceText.h"
#include "latent/ui/WrappableText.h"
#include "NoMapOffer.h"

namespace latent::ui {
namespace {

constexpr const char* kOpensOnUmapKey = "opensOnUmap";  // QSettings: View > Open Data on UMAP

}  // namespace

MainWindow::MainWindow(latent::WorkspaceRequest request, int dims, QWidget* parent)
    : QMainWindow(parent),
      request_(std::move(request)),
      dims_(dims == 3 ? 3 : 2),
      state_(new ExplorerState(this)),
      map_(new ScatterMap(this)),
      mapTitle_(new ElidedLabel(tr("No map yet"), this)),
      panel_(new ImagePanel(this)),
      legend_(new ClassLegend(this)),
      modelInfo_(new ModelInfoPanel(this)),
      inference_(new Inference(this)),
      stripDecoder_(new BatchDecoder(inference_, this)),
      traversal_(new TraversalPanel(this)),
      morph_(new MorphPanel(this)),
      neighbours_(new NeighboursPanel(this)),
      attributes_(new AttributePanel(this)),
      bookmarks_(new BookmarksPanel(inference_, this)),
      outliers_(new OutliersPanel(this)),
      reportCard_(new ReportCardPanel(this)),
      clusters_(new ClustersPanel(this)),
      imageSearchPanel_(new ImageSearchPanel(this)),
      loader_(new WorkspaceLoader(this)),
      projectionPanel_(new ProjectionPanel(this)) {
    sinceStart_.start();
    request_.resizeToFit = false;  // a dataset that does not fit is offered a resize first
    setWindowTitle(tr("Latent Explorer"));
    resize(1280, 800);
    setAcceptDrops(true);

    // The map, and beside it a compared model's (connectComparison), each under its title.
    maps_ = new QSplitter(Qt::Horizontal, this);
    maps_->setChildrenCollapsible(false);
    auto* central = new QWidget(maps_);
    maps_->addWidget(central);
    auto* column = new QVBoxLayout(central);
    column->setContentsMargins(6, 6, 6, 6);
    QFont bold = mapTitle_->font();
    bold.setWeight(QFont::DemiBold);
    mapTitle_->setFont(bold);
    mapTitle_->setContentsMargins(4, 2, 4, 2);
    column->addWidget(mapTitle_);
    noMapOffer_ = new NoMapOffer(this);
    connect(noMapOffer_, &NoMapOffer::openModelRequested, this, &MainWindow::chooseModelFile);
    connect(noMapOffer_, &NoMapOffer::openDataRequested, this, &MainWindow::chooseDataFile);
    connect(noMapOffer_, &NoMapOffer::bundledRequested, this, [this] {
        if (bundled_) load(*bundled_);
    });
    column->addWidget(noMapOffer_);
    column->addWidget(map_, 1);
    setCentralWidget(maps_);

    // "Current point", not "Selection": the "Selected" dock holds the map selection. Found
    // images become the current point, and the model is what it decodes with: their docks
    // share its place (one row of eight tabs left the map a quarter of the window).
    auto* currentPoint = addSideDock(tr("Current point"), "currentPointDock", panel_);
    tabifyDockWidget(currentPoint, addSideDock(tr("Find image"), "imageSearchDock", imageSearchPanel_));
    colourBy_ = new ColourByPanel(legend_, this);
    traversalHolder_ = new DecoderRequired(traversal_, tr("Traversal decodes the point as you move its dimensions"), this);
    morphHolder_ = new DecoderRequired(morph_, tr("Morphing decodes the points between two others"), this);
    auto* key = addSideDock(tr("Colour by"), "legendDock", colourBy_);
    tabifyDockWidget(key, addSideDock(tr("Traverse"), "traverseDock", traversalHolder_));
    tabifyDockWidget(key, addSideDock(tr("Morph"), "morphDock", morphHolder_));
    tabifyDockWidget(key, addSideDock(tr("Neighbours"), "neighboursDock", neighbours_));
    tabifyDockWidget(key, addSideDock(tr("Directions"), "directionsDock", attributes_));
    tabifyDockWidget(key, addSideDock(tr("Bookmarks"), "bookmarksDock", bookmarks_));
    addSideDock(tr("Outliers"), "outliersDock", outliers_);  // goes under Projection, with the group tools
    modelDock_ = addSideDock(tr("Model"), "modelDock", modelInfo_);
    tabifyDockWidget(currentPoint, modelDock_);
    currentPoint->raise();
    tabifyDockWidget(key, addSideDock(tr("Clusters"), "clustersDock", clusters_));  // colour the map by cluster
    tabifyDockWidget(key, addSideDock(tr("Report card"), "reportCardDock", reportCard_));  // judges the model
    key->raise();
    current_ = new CurrentPointController(
        {map_, panel_, inference_, stripDecoder_, traversal_, morph_, neighbours_, attributes_, bookmarks_}, state_, this);
    morphController_ = new MorphController(morph_, map_, current_, state_, this);
    outliersController_ = new OutliersController(state_, outliers_, inference_, current_, this);
    connect(outliersController_, &OutliersController::statusMessage, this,
            [this](const QString& text) { status_->setText(text); });
    reportCardController_ = new ReportCardController(state_, reportCard_, inference_, this);
    connect(reportCardController_, &ReportCardController::statusMessage, this,
            [this](const QString& text) { status_->setText(text); });
    highlights_ = new MapHighlights(map_, neighbours_, colourBy_, state_, this);

    buildMenusAndToolbar();
    buildStatusBar();
    buildProjectionDock();
    selection_ = new SelectionController(state_, map_, inference_, this);
    connectAnnotations();
    connectImageSearch();
    connectComparison(currentPoint);  // the current item in both models, beside its own panel
    tabifyDockWidget(key, selection_->dock());
    key->raise();  // the map's key comes first; the Selected panel shows up with a selection
    connect(selection_, &SelectionController::itemChosen, current_, &CurrentPointController::selectItem);
    // Directions can start or end at the selection, beside the classes.
    connect(state_->selection(), &SelectionModel::changed, attributes_,
            [this] { attributes_->setSelection(state_->selection()->indices()); });
    sessions_ = new SessionActions({state_, projectionPanel_, morph_, current_, bookmarks_, map_, colourBy_, comparison_},
                                   {[this](const latent::WorkspaceIdentity& identity) {
                                        latent::WorkspaceRequest other = request_;
                                        other.identity = identity;
                                        load(other);
                                    },
                                    [this](const latent::ProjectionParams& params) { setProjection(params); },
                                    [this] { return saveState().toBase64().toStdString(); },
                                    [this](const std::string& layout) {
                                        restoreState(QByteArray::fromBase64(QByteArray::fromStdString(layout)));
                                    }},
                                   this);
    sessions_->addTo(fileMenu_, sessionsGoBefore_);
    connect(sessions_, &SessionActions::statusMessage, this, [this](const QString& text) { status_->setText(text); });
    connect(sessions_, &SessionActions::restored, history_, &AnnotationHistory::clear);  // its steps were of other annotations
    new SessionAutosave(sessions_, SessionAutosave::defaultDirectory(), this);
    moveToolDocksUnderProjection();
    giveTheRoomToTheMap();

    connect(loader_, &WorkspaceLoader::progress, this, &MainWindow::onProgress);
    connect(loader_, &WorkspaceLoader::finished, this, &MainWindow::onWorkspace);
    connect(loader_, &WorkspaceLoader::failed, this, &MainWindow::onLoadFailed);
    connect(loader_, &WorkspaceLoader::cancelled, this, [this] {
        setBusy(false);
        status_->setText(tr("Loading cancelled."));
    });
    auto* tooltip = new HoverTooltip(map_, inference_, [state = state_] { return state->workspace(); }, this);
    tooltip->setObjectName("mapTooltip");
    connect(state_, &ExplorerState::workspaceChanged, tooltip, &HoverTooltip::dismiss);
    connect(current_, &CurrentPointController::statusMessage, status_, &ElidedLabel::setText);
    connect(colourBy_, &ColourByPanel::coloursChanged, this, [this] {
        state_->setColours(colourBy_->colours());
        const auto* coords = state_->coordinates();
        if (coords && coords->count == state_->colours().size()) map_->setColours(state_->colours());
    });
    // After the current point's controller, which shows the image.
    connect(inference_, &Inference::decoded, this, &MainWindow::decodedShown);
    connectModelSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenusAndToolbar() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Model…"), QKeySequence::Open, this, &MainWindow::chooseModelFile);
    recent_ = new RecentFiles("recentModels", file->addMenu(tr("Open &Recent Model")), 8, this);
    connect(recent_, &RecentFiles::chosen, this, &MainWindow::openModel);
    addDataMenuItems(file);
    file->addSeparator();
    fileMenu_ = file;
    sessionsGoBefore_ = file->addSeparator();  // the session actions go here (they need the selection)
    auto* exportMenu = file->addMenu(tr("&Export"));
    exportMenu_ = exportMenu;
    exports_ = new ExportActions({state_, inference_, neighbours_, morph_, map_}, this);
    connect(exports_, &ExportActions::statusMessage, this, [this](const QString& text) { status_->setText(text); });
    exports_->addTo(exportMenu);
    // The same dialog as the Traverse panel's: chosen dimensions, steps and ranges.
    exportMenu->addAction(tr("Traversal grid of the current point…"), current_,
                          &CurrentPointController::openTraversalGrid);
    exports_->addDataTo(exportMenu);
    exportMenu->addAction(tr("Selection as an index list (text)…"), this, [this] { selection_->exportIndexList(); });
    file->addAction(tr("Export Re&port…"), reportCardController_, &ReportCardController::chooseExport);
    file->addSeparator();
    file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

    editMenu_ = menuBar()->addMenu(tr("&Edit"));  // connectAnnotations fills it
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
    viewMenu->addSeparator();
    viewMenu->addAction(densityViewAction());
    viewMenu->addSeparator();
    viewMenu->addAction(tr("Message &Log…"), QKeySequence(tr("Ctrl+Shift+M")), this, [this] { messages_->show(); });
    viewMenu->addSeparator();
    opensOnUmap_ = viewMenu->addAction(tr("Open Data on UMAP"));
    opensOnUmap_->setCheckable(true);
    opensOnUmap_->setToolTip(tr("After a dataset is shown on PCA, compute its UMAP map at once in the background"));
    // Only the user's own choice is remembered (triggered, not toggled).
    connect(opensOnUmap_, &QAction::triggered, this, [](bool on) { QSettings().setValue(kOpensOnUmapKey, on); });

    new HelpMenu(this, menuBar()->addMenu(tr("&Help")));

    auto* bar = addToolBar(tr("View"));
    bar->setObjectName("viewToolbar");
    bar->setMovable(false);
    bar->addActions({view2d_, view3d_});
    bar->addSeparator();
    bar->addAction(reset);
}

QAction* MainWindow::densityViewAction() {
    density_ = new MapDensityLayer(map_, this);
    density_->setCoordinateSource([state = state_] { return state->coordinates(); });
    connect(this, &MainWindow::projectionShown, density_, &MapDensityLayer::mapChanged);
    auto* action = new QAction(tr("Density view"), this);
    action->setCheckable(true);
    action->setShortcut(QKeySequence(tr("D")));
    action->setToolTip(tr("Show how many points fall in each spot of a 2D map instead of the points: "
                          "for maps too crowded to read point by point"));
    connect(action, &QAction::toggled, density_, &MapDensityLayer::setEnabled);
    connect(density_, &MapDensityLayer::gridShown, colourBy_, &ColourByPanel::showDensityKey);
    connect(density_, &MapDensityLayer::gridHidden, colourBy_, &ColourByPanel::hideDensityKey);
    densityView_ = action;
    return action;
}

void MainWindow::setDensityView(bool on) { densityView_->setChecked(on); }

void MainWindow::setOpensOnUmap(bool on) { opensOnUmap_->setChecked(on); }

void MainWindow::setBundledWorkspace(const latent::WorkspaceRequest& request) { bundled_ = request; }

bool MainWindow::openOnUmapRemembered() { return QSettings().value(kOpensOnUmapKey, true).toBool(); }

void MainWindow::buildStatusBar() {
    status_ = new ElidedLabel(tr("Starting…"), this);
    messages_ = new MessageLog(this);
    messages_->add(status_->text());
    connect(status_, &ElidedLabel::textChanged, messages_, &MessageLog::add);
    progress_ = new StatusProgress(this);
    progress_->setMaximumWidth(240);
    cancel_ = new QToolButton(this);
    cancel_->setText(tr("Cancel"));
    connect(cancel_, &QToolButton::clicked, loader_, &WorkspaceLoader::cancel);
    statusBar()->addWidget(status_, 1);
    statusBar()->addPermanentWidget(progress_);
    statusBar()->addPermanentWidget(cancel_);
    // As tall with the progress bar as without: the map must not jump when loading ends.
    statusBar()->setMinimumHeight(statusBar()->sizeHint().height());
    setBusy(false);
}

void MainWindow::buildProjectionDock() {
    auto* dock = new QDockWidget(tr("Projection"), this);
    dock->setObjectName("projectionDock");
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(projectionPanel_);
    addDockWidget(Qt::LeftDockWidgetArea, dock);
    projectionPanel_->setDims(dims_);

    projections_ = new ProjectionController(state_, {map_, projectionPanel_, current_, highlights_}, this);
    connect(projectionPanel_, &ProjectionPanel::runRequested, this, &MainWindow::runProjection);
    connect(cancel_, &QToolButton::clicked, projections_, &ProjectionController::cancel);
    connect(projections_, &ProjectionController::started, this, [this](const QString& text) {
        setBusy(true);
        progress_->setFraction(0.0);
        status_->setText(text);
    });
    connect(projections_, &ProjectionController::progress, this, &MainWindow::onProgress);
    connect(projections_, &ProjectionController::titleChanged, mapTitle_, &ElidedLabel::setText);
    connect(projections_, &ProjectionController::shown, this, [this](const QString& text) {
        setBusy(false);
        status_->setText(text);
        Q_EMIT projectionShown();
    });
    connect(projections_, &ProjectionController::failed, this, [this](const QString& message) {
        setBusy(false);
        status_->setText(tr("Could not project: %1").arg(message));
        Q_EMIT projectionFailed(message);
    });
    connect(projections_, &ProjectionController::cancelled, this, [this] {
        setBusy(false);
        status_->setText(tr("Projection cancelled; the map shows the previous one."));
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
    progress_->setFraction(0.0);
    const QString source = QString::fromStdString(request.identity.dataPath.filename().string());
    status_->setText(request.identity.modelPath.empty() ? tr("Opening %1…").arg(source)
                                               : tr("Opening %1 with %2…").arg(source, QString::fromStdString(request.identity.modelPath.filename().string())));
    loader_->start(request);
}

void MainWindow::setInferenceThreads(int threads) {
    inference_->setThreads(threads);
    modelInfo_->settings()->setThreads(threads);
}

void MainWindow::onProgress(double fraction, const QString& message) {
    progress_->setFraction(fraction);
    if (!message.isEmpty()) status_->setText(message);
}

void MainWindow::onLoadFailed(const QString& message, const QString& details) {
    setBusy(false);
    sessions_->loadFailed();  // a session waiting belonged to the workspace that failed to load
    const auto& what = loading_.identity.metadataPath != request_.identity.metadataPath ? loading_.identity.metadataPath
                       : loading_.identity.dataPath != request_.identity.dataPath       ? loading_.identity.dataPath
                                                                    : loading_.identity.modelPath;
    status_->setText(state_->workspace() ? tr("Could not open %1; the current map stays: %2")
                                      .arg(QString::fromStdString(what.filename().string()), message)
                                : tr("Could not open the workspace: %1").arg(message));
    if (!state_->workspace()) {
        const bool bundledFailed = bundled_ && bundled_->identity.modelPath == loading_.identity.modelPath &&
                                   bundled_->identity.dataPath == loading_.identity.dataPath;
        noMapOffer_->showFailure(message, bundled_ && !bundledFailed);
    }
    Q_EMIT loadFailed(message);
    QMessageBox box(QMessageBox::Warning, tr("Latent Explorer"), wrappable(message), QMessageBox::Ok, this);
    box.setDetailedText(details);  // a "Show Details..." button when there are some
    box.exec();
}

void MainWindow::onWorkspace(std::shared_ptr<latent::Workspace> workspace) {
    noMapOffer_->hide();
    state_->setWorkspace(std::move(workspace), loading_.identity);
    request_ = loading_;
    const std::shared_ptr<const latent::Workspace>& ws = state_->workspace();
    const bool hasModel = ws->hasModel();
    if (hasModel) recent_->add(QString::fromStdString(request_.identity.modelPath.string()));
    inference_->setModel(ws->model);
    if (hasModel) {
        modelInfo_->setModel(ws->model->info(), ModelInfoPanel::datasetNote(*ws));
    } else {
        modelInfo_->setNoModel(QString::fromStdString(ws->modelNote));
    }
    for (auto* holder : {traversalHolder_, morphHolder_}) holder->setAvailable(hasModel, QString::fromStdString(ws->modelNote));
    colourBy_->setWorkspace(ws);  // sets the state's colours (prior samples are unlabelled)
    setBusy(false);
    runProjection();  // the workspace's own PCA maps are cached: PCA shows at once
    if (opensOnUmap_->isChecked() && !sessions_->restorePending() &&
        projectionPanel_->params().method == latent::ProjectionMethod::Pca) {
        auto umap = projectionPanel_->params();
        umap.method = latent::ProjectionMethod::Umap;
        setProjection(umap);  // in the background: the PCA map stays usable meanwhile
    }
    status_->setText(tr("Ready: %1 Map shown %2 s after start.")
                         .arg(loadedSummary(*ws))
                         .arg(static_cast<double>(sinceStart_.elapsed()) / 1000.0, 0, 'f', 2));
    if (hasModel && !ws->model->info().warnings.empty()) {  // a model that loads but misbehaves
        modelDock_->raise();
        status_->setText(status_->text() + tr(" The model has warnings: see the Model panel."));
    } else if (hasModel && ws->model->info().probed("value_range")) {
        status_->setText(status_->text() +
                         tr(" Its pixels are assumed to be in [-1, 1] (see the Model panel)."));
    }
    Q_EMIT workspaceReady();
    sessions_->workspaceLoaded();
}

void MainWindow::setDimensions(int dims) {
    dims_ = dims == 3 ? 3 : 2;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    projectionPanel_->setDims(dims_);
    if (state_->workspace()) runProjection();
}

void MainWindow::setProjection(const latent::ProjectionParams& params) {
    projectionPanel_->setParams(params);
    dims_ = params.dims == 3 ? 3 : 2;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    if (state_->workspace()) runProjection();
}

void MainWindow::runProjection() {
    if (!state_->workspace()) return;
    dims_ = projectionPanel_->params().dims;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    projections_->run();
}

latent::ProjectionParams MainWindow::projectionParams() const { return projectionPanel_->params(); }

bool MainWindow::setColourColumn(const QString& name) { return colourBy_->setColumn(name); }

void MainWindow::selectItem(qsizetype index) { current_->selectItem(index); }

void MainWindow::closeEvent(QCloseEvent* event) {
    if (!sessions_->confirmClose()) {
        event->ignore();
        return;
    }
    loader_->cancel();
    projections_->cancel();
    event->accept();
}

}  // namespace latent::ui
