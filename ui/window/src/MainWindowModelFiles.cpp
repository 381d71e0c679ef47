// MainWindow's ways to open a model file: File > Open Model, recent files, drag and drop.
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QMimeData>

#include "latent/ui/ImageSearchController.h"
#include "latent/ui/MainWindow.h"

namespace latent::ui {

namespace {

// The model file a drag carries, if any: one local .pt or .json file.
QString droppedModelFile(const QMimeData* mime) {
    if (!mime || !mime->hasUrls() || mime->urls().size() != 1) return {};
    const QString path = mime->urls().front().toLocalFile();
    const QString suffix = QFileInfo(path).suffix().toLower();
    return (suffix == "pt" || suffix == "pth" || suffix == "json") ? path : QString();
}

}  // namespace

void MainWindow::openModel(const QString& path) {
    latent::WorkspaceRequest request = request_;
    request.identity.modelPath = path.toStdString();
    request.requireModel = true;  // the user asked for this model: refuse data it cannot decode
    request.resizeToFit = false;  // a new model: ask before resizing the dataset for it
    load(request);
}

QString MainWindow::modelFolder() const {
    return QFileInfo(QString::fromStdString(request_.identity.modelPath.string())).absolutePath();
}

QString MainWindow::askForModelFile(const QString& title) {
    return QFileDialog::getOpenFileName(
        this, title, modelFolder(),
        tr("Models (*.pt *.pth *.json);;TorchScript files (*.pt *.pth);;Encoder/decoder manifests (*.json)"));
}

void MainWindow::chooseModelFile() {
    const QString path = askForModelFile(tr("Open Model"));
    if (!path.isEmpty()) openModel(path);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    const auto* mime = event->mimeData();
    const bool images = !droppedImages(mime).isEmpty() && imageSearch_->canSearch();
    if (images || !droppedModelFile(mime).isEmpty() || !droppedDataPath(mime).isEmpty()) {
        event->acceptProposedAction();
    }
}

void MainWindow::dropEvent(QDropEvent* event) {
    if (const QStringList images = droppedImages(event->mimeData()); !images.isEmpty() && imageSearch_->canSearch()) {
        event->acceptProposedAction();
        imageSearch_->find(images);
        return;
    }
    const QString path = droppedModelFile(event->mimeData());
    const QString dataPath = droppedDataPath(event->mimeData());
    if (path.isEmpty() && dataPath.isEmpty()) return;
    event->acceptProposedAction();
    if (path.isEmpty()) {
        openDropped(dataPath);
    } else {
        openModel(path);
    }
}

}  // namespace latent::ui
