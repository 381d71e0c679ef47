// MainWindow's File > Export actions: each runs a core export off the UI thread.
#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <algorithm>
#include <string_view>

#include "latent/core/AtomicFile.h"
#include "latent/core/ExplorationExport.h"
#include "latent/core/ImageIo.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/ProjectorTsv.h"
#include "latent/core/TableExport.h"
#include "latent/core/Traversal.h"  // decodeToGrid
#include "latent/ui/LatestJob.h"
#include "latent/ui/ImageSizeDialog.h"
#include "latent/ui/Inference.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/MapImage.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {
namespace {

// TensorBoard's projector takes one metadata row per vector: the class names when the
// data has labels, else the item indices.
latent::MetadataTable projectorMetadata(const latent::Workspace& ws) {
    if (ws.dataset.labels.size() == ws.latents.count) return latent::labelTable(ws.dataset);
    latent::MetadataTable table;
    table.rowCount = ws.latents.count;
    latent::MetadataColumn index{"index", {}, true, {}};
    for (std::size_t i = 0; i < table.rowCount; ++i) {
        index.cells.push_back(std::to_string(i));
        index.numbers.push_back(static_cast<double>(i));
    }
    table.columns.push_back(std::move(index));
    return table;
}

}  // namespace

QString MainWindow::projectorMetadataPath(const QString& vectorsPath) {
    QString stem = vectorsPath;
    if (stem.endsWith(".tsv", Qt::CaseInsensitive)) stem.chop(4);
    return stem + "_metadata.tsv";
}

// Exports run on the inference's waiting pool: some of them wait for decodes.
void MainWindow::runExport(const QString& what, std::function<void(std::stop_token)> work) {
    status_->setText(tr("Exporting %1…").arg(what));
    const auto wrote = [work = std::move(work)](const auto& control) {
        work(control.stopToken());
        return true;
    };
    runDetached<bool>(this, wrote, [this, what](JobOutcome<bool> outcome) {
        const QString error = outcome.error;
        if (error.isEmpty()) {
            status_->setText(tr("Exported %1.").arg(what));
        } else {
            status_->setText(tr("Export failed: %1").arg(error));
            QMessageBox::warning(this, tr("Export"), error);
        }
        Q_EMIT exportFinished(error);
    }, inference_->waitingPool());
}

void MainWindow::exportMorph(bool animated) {
    const auto state = morph_->state();
    if (!state_->workspace() || !state) {
        status_->setText(tr("Set A and B in the Morph panel first."));
        return;
    }
    if (!state_->workspace()->model) {
        status_->setText(tr("Exporting a morph decodes images: open a model first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Morph"), animated ? "morph.gif" : "morph.png",
                                                      animated ? tr("GIF (*.gif)") : tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    latent::MorphExport job{state->a, state->b, state->mode, static_cast<std::size_t>(state->frames),
                            state->t > 1.0 ? 1.5 : 1.0, 4};
    runExport(path, [decode = inference_->batchDecoder(), job, animated, file = path.toStdString()](std::stop_token stop) {
        if (animated) {
            latent::exportMorphAnimation(until(stop, decode), job, 12, file);
        } else {
            latent::exportMorphStrip(until(stop, decode), job, file);
        }
    });
}

void MainWindow::addDataExports(QMenu* menu) {
    const auto ask = [this](const QString& title, const QString& name, const QString& filter) {
        return QFileDialog::getSaveFileName(this, title, name, filter);
    };
    menu->addSeparator();
    menu->addAction(tr("Map coordinates (CSV or .npy)…"), this, [this, ask] {
        const QString path =
            ask(tr("Export Map Coordinates"), "coords.csv", tr("CSV (*.csv);;NumPy (*.npy)"));
        if (!path.isEmpty()) exportCoordinates(path);
    });
    menu->addAction(tr("Latents (.npy)…"), this, [this, ask] {
        const QString path = ask(tr("Export Latents"), "latents.npy", tr("NumPy (*.npy)"));
        if (!path.isEmpty()) exportLatents(path);
    });
    menu->addAction(tr("TensorBoard projector files (TSV)…"), this, [this, ask] {
        const QString path = ask(tr("Export Projector Vectors"), "vectors.tsv", tr("TSV (*.tsv)"));
        if (!path.isEmpty()) exportProjectorFiles(path);
    });
    menu->addAction(tr("Decoded grid of the current point and its neighbours (PNG)…"), this,
                    [this, ask] {
                        const QString path =
                            ask(tr("Export Decoded Grid"), "neighbours.png", tr("PNG (*.png)"));
                        if (!path.isEmpty()) exportNeighbourGrid(path);
                    });
    menu->addAction(tr("Map image (PNG)…"), this, [this, ask] {
        const auto size = ImageSizeDialog::ask(this, tr("Map Image Size"), map_->size() * 2);
        if (!size) return;
        const QString path = ask(tr("Export Map Image"), "map.png", tr("PNG (*.png)"));
        if (!path.isEmpty()) exportMapImage(path, *size);
    });
}

bool MainWindow::canExport(bool needProjection) {
    if (state_->workspace() && (!needProjection || state_->projection())) return true;
    refuseExport(tr("Nothing to export yet: wait for the map."));
    return false;
}

void MainWindow::refuseExport(const QString& why) {
    status_->setText(why);
    Q_EMIT exportFinished(why);
}

void MainWindow::exportCoordinates(const QString& path) {
    if (!canExport(true)) return;
    runExport(path, [projection = state_->projection(), file = path.toStdString()](std::stop_token) {
        if (QString::fromStdString(file).endsWith(".npy", Qt::CaseInsensitive)) {
            latent::writeNpy(file, projection->coords);
        } else {
            latent::writeCoordinatesCsv(file, projection->coords);
        }
    });
}

void MainWindow::exportLatents(const QString& path) {
    if (!canExport(false)) return;
    runExport(path, [ws = state_->workspace(), file = path.toStdString()](std::stop_token) {
        latent::writeNpy(file, ws->latents);
    });
}

void MainWindow::exportProjectorFiles(const QString& vectorsPath) {
    if (!canExport(false)) return;
    const QString metadataPath = projectorMetadataPath(vectorsPath);
    runExport(vectorsPath + tr(" and ") + metadataPath,
              [ws = state_->workspace(), vectors = vectorsPath.toStdString(),
               metadata = metadataPath.toStdString()](std::stop_token) {
                  latent::writeVectorsTsv(vectors, ws->latents);
                  latent::writeMetadataTsv(metadata, projectorMetadata(*ws));
              });
}

void MainWindow::exportNeighbourGrid(const QString& path) {
    if (!canExport(false)) return;
    if (!state_->workspace()->model) return refuseExport(tr("A decoded grid needs a model: open a model first."));
    if (current_->latent().empty()) return refuseExport(tr("Select a point first."));
    const auto& found = neighbours_->neighbours();
    latent::LatentBatch latents(1 + found.size(), state_->workspace()->latents.dim);
    std::copy(current_->latent().begin(), current_->latent().end(), latents.row(0).begin());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto row = state_->workspace()->latents.row(found[i].index);
        std::copy(row.begin(), row.end(), latents.row(i + 1).begin());
    }
    runExport(path, [decode = inference_->batchDecoder(), latents, file = path.toStdString()](std::stop_token stop) {
        const int columns = static_cast<int>(std::min<std::size_t>(latents.count, 8));
        latent::writePng(file, latent::decodeToGrid(until(stop, decode), latents, columns, 2));
    });
}

void MainWindow::exportMapImage(const QString& path, QSize size) {
    if (!canExport(true)) return;
    // GL rendering belongs to the UI thread; encoding and writing run in the background.
    const QImage image = renderMapImage(*map_, size);
    if (image.isNull())
        return refuseExport(tr("The map could not be rendered at %1 x %2 pixels.")
                                .arg(size.width())
                                .arg(size.height()));
    runExport(path, [image, file = path.toStdString()](std::stop_token) {
        const QByteArray bytes = pngBytes(image);  // compressing a large map takes a while
        latent::writeFileAtomically(
            file, std::string_view(bytes.constData(), static_cast<std::size_t>(bytes.size())));
    });
}

}  // namespace latent::ui
