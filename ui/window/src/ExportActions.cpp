#include "latent/ui/ExportActions.h"

#include <QFileDialog>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <algorithm>
#include <string_view>

#include "latent/core/AtomicFile.h"
#include "latent/core/ExplorationExport.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Annotations.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/ProjectorTsv.h"
#include "latent/core/TableExport.h"
#include "latent/core/Traversal.h"  // decodeToGrid
#include "latent/ui/LatestJob.h"
#include "latent/ui/ImageSizeDialog.h"
#include "latent/ui/Inference.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MapImage.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {
ExportActions::ExportActions(Sources sources, QWidget* dialogParent)
    : QObject(dialogParent), s_(sources), dialogParent_(dialogParent) {}

QString ExportActions::projectorMetadataPath(const QString& vectorsPath) {
    QString stem = vectorsPath;
    if (stem.endsWith(".tsv", Qt::CaseInsensitive)) stem.chop(4);
    return stem + "_metadata.tsv";
}

// Exports run on the inference's waiting pool: some of them wait for decodes.
void ExportActions::runExport(const QString& what, std::function<void(std::stop_token)> work) {
    Q_EMIT statusMessage(tr("Exporting %1…").arg(what));
    const auto wrote = [work = std::move(work)](const auto& control) {
        work(control.stopToken());
        return true;
    };
    runDetached<bool>(this, wrote, [this, what](JobOutcome<bool> outcome) {
        const QString error = outcome.error;
        if (error.isEmpty()) {
            Q_EMIT statusMessage(tr("Exported %1.").arg(what));
        } else {
            Q_EMIT statusMessage(tr("Export failed: %1").arg(error));
            QMessageBox::warning(dialogParent_, tr("Export"), error);
        }
        Q_EMIT finished(error);
    }, s_.inference->waitingPool());
}

void ExportActions::morph(bool animated) {
    const auto state = s_.morph->state();
    if (!s_.state->workspace() || !state) {
        Q_EMIT statusMessage(tr("Set A and B in the Morph panel first."));
        return;
    }
    if (!s_.state->workspace()->model) {
        Q_EMIT statusMessage(tr("Exporting a morph decodes images: open a model first."));
        return;
    }
    const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Export Morph"), animated ? "morph.gif" : "morph.png",
                                                      animated ? tr("GIF (*.gif)") : tr("PNG (*.png)"));
    if (path.isEmpty()) return;
    latent::MorphExport job{state->a, state->b, state->mode, static_cast<std::size_t>(state->frames),
                            state->t > 1.0 ? 1.5 : 1.0, 4};
    runExport(path, [decode = s_.inference->batchDecoder(), job, animated, file = path.toStdString()](std::stop_token stop) {
        if (animated) {
            latent::exportMorphAnimation(until(stop, decode), job, 12, file);
        } else {
            latent::exportMorphStrip(until(stop, decode), job, file);
        }
    });
}

void ExportActions::addTo(QMenu* menu) {
    menu->addAction(tr("Morph strip (PNG)…"), this, [this] { morph(false); });
    menu->addAction(tr("Morph animation (GIF)…"), this, [this] { morph(true); });
}

void ExportActions::addDataTo(QMenu* menu) {
    const auto ask = [this](const QString& title, const QString& name, const QString& filter) {
        return QFileDialog::getSaveFileName(dialogParent_, title, name, filter);
    };
    menu->addSeparator();
    menu->addAction(tr("Map coordinates (CSV or .npy)…"), this, [this, ask] {
        const QString path =
            ask(tr("Export Map Coordinates"), "coords.csv", tr("CSV (*.csv);;NumPy (*.npy)"));
        if (!path.isEmpty()) writeCoordinates(path);
    });
    menu->addAction(tr("Latents (.npy)…"), this, [this, ask] {
        const QString path = ask(tr("Export Latents"), "latents.npy", tr("NumPy (*.npy)"));
        if (!path.isEmpty()) writeLatents(path);
    });
    menu->addAction(tr("TensorBoard projector files (TSV)…"), this, [this, ask] {
        const QString path = ask(tr("Export Projector Vectors"), "vectors.tsv", tr("TSV (*.tsv)"));
        if (!path.isEmpty()) writeProjectorFiles(path);
    });
    menu->addAction(tr("Metadata with clusters (CSV)…"), this, [this, ask] {
        const QString path = ask(tr("Export Metadata"), "metadata.csv", tr("CSV (*.csv)"));
        if (!path.isEmpty()) writeMetadataCsv(path);
    });
    menu->addAction(tr("Decoded grid of the current point and its neighbours (PNG)…"), this,
                    [this, ask] {
                        const QString path =
                            ask(tr("Export Decoded Grid"), "neighbours.png", tr("PNG (*.png)"));
                        if (!path.isEmpty()) writeNeighbourGrid(path);
                    });
    menu->addAction(tr("Map image (PNG)…"), this, [this, ask] {
        const auto size = ImageSizeDialog::ask(dialogParent_, tr("Map Image Size"), s_.map->size() * 2);
        if (!size) return;
        const QString path = ask(tr("Export Map Image"), "map.png", tr("PNG (*.png)"));
        if (!path.isEmpty()) writeMapImage(path, *size);
    });
}

bool ExportActions::canExport(bool needProjection) {
    if (s_.state->workspace() && (!needProjection || s_.state->projection())) return true;
    refuseExport(tr("Nothing to export yet: wait for the map."));
    return false;
}

void ExportActions::refuseExport(const QString& why) {
    Q_EMIT statusMessage(why);
    Q_EMIT finished(why);
}

void ExportActions::writeCoordinates(const QString& path) {
    if (!canExport(true)) return;
    runExport(path, [projection = s_.state->projection(), file = path.toStdString()](std::stop_token) {
        if (QString::fromStdString(file).endsWith(".npy", Qt::CaseInsensitive)) {
            latent::writeNpy(file, projection->coords);
        } else {
            latent::writeCoordinatesCsv(file, projection->coords);
        }
    });
}

void ExportActions::writeLatents(const QString& path) {
    if (!canExport(false)) return;
    runExport(path, [ws = s_.state->workspace(), file = path.toStdString()](std::stop_token) {
        latent::writeNpy(file, ws->latents);
    });
}

void ExportActions::writeProjectorFiles(const QString& vectorsPath) {
    if (!canExport(false)) return;
    const QString metadataPath = projectorMetadataPath(vectorsPath);
    runExport(vectorsPath + tr(" and ") + metadataPath,
              [ws = s_.state->workspace(), annotations = s_.state->annotations(), vectors = vectorsPath.toStdString(),
               metadata = metadataPath.toStdString()](std::stop_token) {
                  // TensorBoard's projector takes one metadata row per vector.
                  latent::writeVectorsTsv(vectors, ws->latents);
                  latent::writeMetadataTsv(metadata,
                                           latent::exportedMetadata(ws->metadata, annotations, ws->latents.count));
              });
}

void ExportActions::writeMetadataCsv(const QString& path) {
    if (!canExport(false)) return;
    runExport(path, [ws = s_.state->workspace(), annotations = s_.state->annotations(),
                     file = path.toStdString()](std::stop_token) {
        latent::writeMetadataCsv(file, latent::exportedMetadata(ws->metadata, annotations, ws->latents.count));
    });
}

void ExportActions::writeNeighbourGrid(const QString& path) {
    if (!canExport(false)) return;
    if (!s_.state->workspace()->model) return refuseExport(tr("A decoded grid needs a model: open a model first."));
    const auto& current = s_.state->current().latent;
    if (current.empty()) return refuseExport(tr("Select a point first."));
    const auto& found = s_.neighbours->neighbours();
    latent::LatentBatch latents(1 + found.size(), s_.state->workspace()->latents.dim);
    std::copy(current.begin(), current.end(), latents.row(0).begin());
    for (std::size_t i = 0; i < found.size(); ++i) {
        const auto row = s_.state->workspace()->latents.row(found[i].index);
        std::copy(row.begin(), row.end(), latents.row(i + 1).begin());
    }
    runExport(path, [decode = s_.inference->batchDecoder(), latents, file = path.toStdString()](std::stop_token stop) {
        const int columns = static_cast<int>(std::min<std::size_t>(latents.count, 8));
        latent::writePng(file, latent::decodeToGrid(until(stop, decode), latents, columns, 2));
    });
}

void ExportActions::writeMapImage(const QString& path, QSize size) {
    if (!canExport(true)) return;
    // GL rendering belongs to the UI thread; encoding and writing run in the background.
    const QImage image = renderMapImage(*s_.map, size);
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
