#include "latent/ui/RunExporter.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimer>
#include <algorithm>
#include <cstring>

#include "latent/core/Error.h"
#include "latent/core/GifWriter.h"
#include "latent/ui/ComparisonController.h"
#include "latent/ui/ScatterMap.h"

namespace latent::ui {
namespace {

constexpr int kGlideFrames = 5;  // between two checkpoints in a GIF
constexpr int kRestFrames = 5;   // on each checkpoint: with the glide, a second per checkpoint
constexpr int kFrameCentiseconds = 10;

latent::Raster rgbRaster(const QImage& image) {
    const QImage rgb = image.convertToFormat(QImage::Format_RGB888);
    latent::Raster raster{rgb.width(), rgb.height(), 3, {}};
    raster.pixels.resize(static_cast<std::size_t>(rgb.width()) * rgb.height() * 3);
    const std::size_t row = static_cast<std::size_t>(rgb.width()) * 3;
    for (int y = 0; y < rgb.height(); ++y) std::memcpy(raster.pixels.data() + y * row, rgb.constScanLine(y), row);
    return raster;
}

// run.png -> run_001.png: numbered so that file order is checkpoint order.
QString numbered(const QString& path, std::size_t k) {
    const QFileInfo file(path);
    return file.dir().filePath(QString("%1_%2.png").arg(file.completeBaseName()).arg(k + 1, 3, 10, QChar('0')));
}

}  // namespace

RunExporter::RunExporter(ComparisonController* comparison, ScatterMap* map, QWidget* pane, QWidget* dialogParent,
                         QObject* parent)
    : QObject(parent), comparison_(comparison), map_(map), pane_(pane), dialogParent_(dialogParent), writer_(this) {
    connect(comparison_, &ComparisonController::closed, this, [this] {
        if (!plan_.empty()) stop(tr("Export stopped: the comparison closed."));
    });
}

void RunExporter::chooseFile() {
    const QString path = QFileDialog::getSaveFileName(dialogParent_, tr("Export Run"), "run.gif",
                                                      tr("Animated GIF (*.gif);;PNG sequence, one per checkpoint (*.png)"));
    if (!path.isEmpty()) exportTo(path);
}

void RunExporter::exportTo(const QString& path) {
    const auto& members = comparison_->members();
    if (members.size() < 2) return stop(tr("Export Run needs a run's checkpoints open (File > Open Checkpoints)."));
    if (isExporting()) return Q_EMIT statusMessage(tr("An export of the run is already under way."));
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != "gif" && suffix != "png") return stop(tr("Export Run writes .gif or .png, not \"%1\".").arg(suffix));
    path_ = path;
    returnTo_ = comparison_->step();
    const bool animated = suffix == "gif";
    for (std::size_t k = 0; k < members.size(); ++k) {
        if (animated && k > 0) {
            for (int j = 1; j <= kGlideFrames; ++j) plan_.push_back({k, static_cast<double>(j) / (kGlideFrames + 1), 1});
        }
        plan_.push_back({k, 1.0, animated ? kRestFrames : 1});
    }
    Q_EMIT busy(true);
    Q_EMIT statusMessage(tr("Exporting the run: %1 checkpoints…").arg(members.size()));
    QTimer::singleShot(0, this, &RunExporter::grabNext);
}

void RunExporter::grabNext() {
    if (plan_.empty()) return;  // stopped
    const auto& members = comparison_->members();
    const Frame frame = plan_.front();
    plan_.erase(plan_.begin());
    if (comparison_->step() != frame.step) comparison_->showStep(frame.step, ScatterMap::Motion::Jump);
    const auto& to = members[frame.step].map.coords;
    if (frame.t < 1.0) {
        latent::blendInto(members[frame.step - 1].map.coords, to, static_cast<float>(frame.t), between_);
        map_->movePoints(between_);
    } else {
        map_->movePoints(to);
    }
    // Grabbed through its window: a grab of the pane alone leaves the map's GL background transparent.
    QWidget* window = pane_->window();
    const QImage grabbed = window->grab(QRect(pane_->mapTo(window, QPoint(0, 0)), pane_->size())).toImage();
    frames_.insert(frames_.end(), static_cast<std::size_t>(frame.copies), grabbed);  // shared, not copied
    if (!plan_.empty()) return void(QTimer::singleShot(0, this, &RunExporter::grabNext));
    comparison_->showStep(returnTo_, ScatterMap::Motion::Jump);
    map_->movePoints(members[comparison_->step()].map.coords);
    write();
}

void RunExporter::write() {
    const bool animated = QFileInfo(path_).suffix().toLower() == "gif";
    Q_EMIT statusMessage(tr("Writing the run's %1 frames…").arg(frames_.size()));
    writer_.run(
        [frames = std::exchange(frames_, {}), path = path_, animated](const LatestJob<QString>::Control&) {
            if (animated) {
                std::vector<latent::Raster> rasters;
                for (const QImage& frame : frames) rasters.push_back(rgbRaster(frame));
                latent::GifOptions options;
                options.delayCentiseconds = kFrameCentiseconds;
                latent::writeAnimatedGif(path.toStdString(), rasters, options);
                return QObject::tr("Exported the run as %1 (%2 frames).").arg(QFileInfo(path).fileName()).arg(frames.size());
            }
            for (std::size_t k = 0; k < frames.size(); ++k) {
                QSaveFile file(numbered(path, k));
                if (!file.open(QIODevice::WriteOnly) || !frames[k].save(&file, "PNG") || !file.commit()) {
                    throw latent::Error(latent::ErrorKind::Io, "could not write " + file.fileName().toStdString() + ": " +
                                                                   file.errorString().toStdString());
                }
            }
            return QObject::tr("Exported the run as %1 to %2 (one per checkpoint).")
                .arg(frames.size())
                .arg(QFileInfo(numbered(path, 0)).fileName() + " …");
        },
        [this](JobOutcome<QString> outcome) {
            if (outcome.result) {
                Q_EMIT busy(false);
                Q_EMIT statusMessage(*outcome.result);
                Q_EMIT exported(*outcome.result);
            } else {
                stop(tr("Could not export the run: %1").arg(outcome.error));
            }
        });
}

void RunExporter::stop(const QString& message) {
    plan_.clear();
    frames_.clear();
    Q_EMIT busy(false);
    Q_EMIT statusMessage(message);
    Q_EMIT failed(message);
}

}  // namespace latent::ui
