// MainWindow's ways to open data: File > Open Data File / Folder / Metadata, drag and drop,
// the fit-policy question for image folders whose images do not fit the model, and
// finding image files on the map (File > Find Image, or images dropped on the window), and
// other data placed on the map as it is (File > Add Data to Map).
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QMimeData>

#include <QDockWidget>

#include "latent/core/ImageFolder.h"
#include "latent/ui/AddedDataController.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ElidedLabel.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/ImageSearchController.h"
#include "DataFileFilters.h"
#include "latent/ui/FitPolicyDialog.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {

void MainWindow::chooseDataFile() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open Data"), dataFolder(),
                                                      fileDialogFilter(latent::DataRole::Points));
    if (!path.isEmpty()) openDataAsking(path);
}

void MainWindow::addDataMenuItems(QMenu* file) {
    file->addAction(tr("Open &Data File…"), QKeySequence(tr("Ctrl+D")), this, &MainWindow::chooseDataFile);
    file->addAction(tr("Open Data &Folder…"), this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(
            this, tr("Open a folder of IDX files or images"), dataFolder());
        if (!dir.isEmpty()) openDataAsking(dir);
    });
    findImage_ = file->addAction(tr("&Find Image…"), QKeySequence(tr("Ctrl+F")), this,
                                 [this] { imageSearch_->chooseAndFind(); });
    auto* addData = file->addMenu(tr("&Add Data to Map"));
    addData->setToolTip(tr("Place another dataset on the map as it is, drawn as crosses"));
    addData->addAction(tr("Data &File…"), this, [this] { addedData_->chooseFileAndAdd(); });
    addData->addAction(tr("Data F&older…"), this, [this] { addedData_->chooseFolderAndAdd(); });
    addData->addAction(tr("&Remove Added Data"), this, [this] {
        addedData_->remove();
        status_->setText(tr("The added data is off the map."));
    });
    file->addAction(tr("Open &Metadata…"), this, [this] {
        const QString path =
            QFileDialog::getOpenFileName(this, tr("Open Metadata (joined to the points by row)"),
                                         dataFolder(), fileDialogFilter(latent::DataRole::Metadata));
        if (!path.isEmpty()) openMetadata(path);
    });
}

QString MainWindow::dataFolder() const {
    const QFileInfo source(QString::fromStdString(request_.identity.dataPath.string()));
    return source.isDir() ? source.absoluteFilePath() : source.absolutePath();
}

void MainWindow::openData(const QString& path, latent::FitPolicy fit, bool greyscale) {
    latent::WorkspaceRequest request = request_;
    request.identity.dataPath = path.toStdString();
    request.identity.metadataPath.clear();  // it belonged to the previous data
    request.identity.folderFit = fit;
    request.identity.greyscale = greyscale;
    request.requireModel = false;
    load(request);
}

void MainWindow::openDataAsking(const QString& path) {
    const auto peek = QFileInfo(path).isDir() ? peekFirstImage(path) : std::nullopt;
    const bool hasEncoder = state_->workspace() && state_->workspace()->model && state_->workspace()->model->info().hasEncoder;
    if (peek && hasEncoder && needsFitting(*peek, state_->workspace()->model->info().imageShape)) {
        FitPolicyDialog dialog(path, *peek, state_->workspace()->model->info().imageShape, this);
        if (dialog.exec() != QDialog::Accepted) return;
        openData(path, dialog.policy(), dialog.greyscale());
        return;
    }
    openData(path);
}

void MainWindow::openMetadata(const QString& path) {
    latent::WorkspaceRequest request = request_;
    request.identity.metadataPath = path.toStdString();
    load(request);
}

void MainWindow::connectImageSearch() {
    addedData_ = new AddedDataController(state_, map_, inference_, this);
    connect(addedData_, &AddedDataController::statusMessage, status_, &ElidedLabel::setText);
    imageSearch_ = new ImageSearchController({state_, imageSearchPanel_, map_, inference_, current_}, this);
    connect(imageSearch_, &ImageSearchController::statusMessage, status_, &ElidedLabel::setText);
    connect(state_, &ExplorerState::workspaceChanged, this, [this] { findImage_->setEnabled(imageSearch_->canSearch()); });
    findImage_->setEnabled(false);
    connect(imageSearch_, &ImageSearchController::searched, this, [this] {
        if (auto* dock = findChild<QDockWidget*>("imageSearchDock")) dock->raise();
    });
}

// Dropped image files (and nothing else) are searched for on the map.
QStringList MainWindow::droppedImages(const QMimeData* mime) {
    if (!mime || !mime->hasUrls()) return {};
    QStringList files;
    for (const QUrl& url : mime->urls()) {
        const QFileInfo file(url.toLocalFile());
        if (!file.isFile() || !latent::isImagePath(file.absoluteFilePath().toStdString())) return {};
        files << file.absoluteFilePath();
    }
    return files;
}

// A dropped data source: one local folder, or a file a data reader or the metadata reader
// takes (a table that is not projector vectors opens as metadata).
QString MainWindow::droppedDataPath(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1) return {};
    const QFileInfo file(mime->urls().front().toLocalFile());
    const std::filesystem::path path = file.absoluteFilePath().toStdString();
    const bool known = file.isDir() || latent::detectDataFormat(path) ||
                       latent::detectDataFormat(path, latent::DataRole::Metadata);
    return known ? file.absoluteFilePath() : QString();
}

void MainWindow::openDropped(const QString& path) {
    const std::filesystem::path file = path.toStdString();
    if (!QFileInfo(path).isDir() && !latent::detectDataFormat(file)) {
        openMetadata(path);
    } else {
        openDataAsking(path);
    }
}

}  // namespace latent::ui
