#include "latent/ui/MainWindow.h"

#include <QActionGroup>
#include <QCloseEvent>
#include <QDockWidget>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStatusBar>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

#include "latent/ui/ClassLegend.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/LiveDecoder.h"
#include "latent/ui/ModelInfoPanel.h"
#include "latent/ui/RecentFiles.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/WorkspaceLoader.h"

namespace latent::ui {
namespace {

QString percent(double ratio) { return QString::number(ratio * 100.0, 'f', 0) + "%"; }

// 10000 -> "10,000", whatever the system locale (often C on Linux desktops and CI).
QString count(std::size_t n) {
    QString digits = QString::number(n);
    for (auto i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
    return digits;
}

// The model file a drag carries, if any: one local .pt or .json file.
QString droppedModelFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1) return {};
    const QString path = mime->urls().front().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return (suffix == "pt" || suffix == "pth" || suffix == "json") ? path : QString();
}

}  // namespace

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
      loader_(new WorkspaceLoader(this)) {
    sinceStart_.start();
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

    auto* side = new QDockWidget(tr("Selection"), this);
    side->setObjectName("selectionDock");
    side->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    side->setWidget(panel_);
    addDockWidget(Qt::RightDockWidgetArea, side);
    auto* key = new QDockWidget(tr("Classes"), this);
    key->setObjectName("legendDock");
    key->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    key->setWidget(legend_);
    addDockWidget(Qt::RightDockWidgetArea, key);
    auto* modelDock = new QDockWidget(tr("Model"), this);
    modelDock->setObjectName("modelDock");
    modelDock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    modelDock->setWidget(modelInfo_);
    addDockWidget(Qt::RightDockWidgetArea, modelDock);

    buildMenusAndToolbar();
    buildStatusBar();

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
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenusAndToolbar() {
    auto* file = menuBar()->addMenu(tr("&File"));
    file->addAction(tr("&Open Model…"), QKeySequence::Open, this, &MainWindow::chooseModelFile);
    recent_ = new RecentFiles("recentModels", file->addMenu(tr("Open &Recent Model")), 8, this);
    connect(recent_, &RecentFiles::chosen, this, &MainWindow::openModel);
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

void MainWindow::openModel(const QString& path) {
    latent::WorkspaceRequest request = request_;
    request.modelPath = path.toStdString();
    load(request);
}

void MainWindow::setInferenceThreads(int threads) { decoder_->setThreads(threads); }

void MainWindow::chooseModelFile() {
    const QString dir = QFileInfo(QString::fromStdString(request_.modelPath.string())).absolutePath();
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Model"), dir,
        tr("Models (*.pt *.pth *.json);;TorchScript files (*.pt *.pth);;Encoder/decoder manifests (*.json)"));
    if (!path.isEmpty()) openModel(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (!droppedModelFile(event->mimeData()).isEmpty()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = droppedModelFile(event->mimeData());
    if (path.isEmpty()) return;
    event->acceptProposedAction();
    openModel(path);
}

void MainWindow::onProgress(double fraction, const QString& message) {
    progress_->setValue(static_cast<int>(fraction * 1000));
    if (!message.isEmpty()) status_->setText(message);
}

void MainWindow::onLoadFailed(const QString& message) {
    setBusy(false);
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
    modelInfo_->setModel(workspace_->model->info(),
                         QString::fromStdString(workspace_->sampledFromPrior
                                                    ? "none: the map shows " + workspace_->dataset.name
                                                    : workspace_->resizeNote));
    const auto& dataset = workspace_->dataset;
    std::vector<QString> names;
    std::vector<std::size_t> counts(dataset.classNames.size(), 0);
    for (const auto& n : dataset.classNames) names.push_back(QString::fromStdString(n));
    for (int label : dataset.labels) {
        if (label >= 0 && static_cast<std::size_t>(label) < counts.size()) ++counts[static_cast<std::size_t>(label)];
    }
    legend_->setClasses(names, counts);
    showMap();
    setBusy(false);
    const auto& info = workspace_->model->info();
    const QString what = workspace_->sampledFromPrior
                             ? tr("%1 prior samples for").arg(count(workspace_->latents.count))
                             : tr("%1 images encoded by").arg(count(dataset.count));
    status_->setText(tr("Ready: %1 %2 (%3-d latent) in %4 s; map shown %5 s after start.")
                         .arg(what)
                         .arg(QString::fromStdString(info.name))
                         .arg(info.latentDim)
                         .arg(workspace_->encodeSeconds, 0, 'f', 2)
                         .arg(static_cast<double>(sinceStart_.elapsed()) / 1000.0, 0, 'f', 2));
    Q_EMIT workspaceReady();
}

void MainWindow::setDimensions(int dims) {
    dims_ = dims == 3 ? 3 : 2;
    (dims_ == 3 ? view3d_ : view2d_)->setChecked(true);
    if (workspace_) showMap();
}

void MainWindow::showMap() {
    const auto& dataset = workspace_->dataset;
    const std::size_t points = workspace_->latents.count;
    std::vector<QColor> colors(points);
    for (std::size_t i = 0; i < points; ++i) {
        colors[i] = i < dataset.labels.size() ? classColor(dataset.labels[i]) : unlabelledColor();
    }
    map_->setPoints(workspace_->coords(dims_), colors);
    const auto ratio = workspace_->pca(dims_).explainedVarianceRatio();
    double kept = 0.0;
    for (double r : ratio) kept += r;
    mapTitle_->setText(tr("PCA %1D of %2 latents · %3 · %4 of the latent variance shown")
                           .arg(dims_)
                           .arg(count(points))
                           .arg(QString::fromStdString(dataset.name))
                           .arg(percent(kept)));
}

void MainWindow::selectItem(qsizetype index) { onPointClicked(index); }

void MainWindow::onPointClicked(qsizetype index) {
    if (!workspace_ || index < 0 || static_cast<std::size_t>(index) >= workspace_->latents.count) return;
    const auto i = static_cast<std::size_t>(index);
    const auto& dataset = workspace_->dataset;
    if (workspace_->sampledFromPrior) {
        panel_->showGenerated(tr("prior sample %1 (%2)").arg(index).arg(QString::fromStdString(dataset.name)));
    } else {
        panel_->showDatasetItem(index, QString::fromStdString(dataset.className(i)), dataset.image(i));
    }
    const auto coords = workspace_->coords(dims_).row(i);
    map_->setMarker(QVector3D(coords[0], coords.size() > 1 ? coords[1] : 0.0f,
                              coords.size() > 2 ? coords[2] : 0.0f),
                    false);
    const auto z = workspace_->latents.row(i);
    decoder_->request({z.begin(), z.end()});
    status_->setText(tr("Image %1 selected.").arg(index));
}

void MainWindow::onEmptySpaceClicked(QVector3D world) {
    if (!workspace_) return;
    const auto& pca = workspace_->pca(dims_);
    std::vector<float> coords = {world.x(), world.y(), world.z()};
    coords.resize(pca.components());
    QStringList parts;
    for (std::size_t c = 0; c < coords.size(); ++c) {
        parts << QString("PC%1 = %2").arg(c + 1).arg(static_cast<double>(coords[c]), 0, 'f', 2);
    }
    panel_->showGenerated(tr("%1 (exact inverse of the PCA projection; the other principal "
                             "components at the data mean)")
                              .arg(parts.join(", ")));
    map_->setMarker(world, true);
    decoder_->request(pca.inverse(coords));
    status_->setText(tr("Decoding the latent at %1.").arg(parts.join(", ")));
}

void MainWindow::closeEvent(QCloseEvent* event) {
    loader_->cancel();
    event->accept();
}

}  // namespace latent::ui
