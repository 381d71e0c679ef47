#include "latent/ui/ComparisonController.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QWidget>
#include <algorithm>
#include <cmath>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/ProgressRange.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ComparisonPanel.h"
#include "latent/ui/ElidedLabel.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MapHighlights.h"
#include "latent/ui/MapPositions.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/SelectionModel.h"

namespace latent::ui {
namespace {

// Neighbours compared per item, counting it: UMAP's default, so a UMAP map's graph serves.
const int kNeighbours = latent::ProjectionParams{}.neighbours;

QString modelName(const std::string& path) { return QFileInfo(QString::fromStdString(path)).fileName(); }

// A model's file name, with its folder when the other model's file has the same name
// (checkpoints of two runs), and marked as the second when they are one file.
QString distinctName(const QString& path, const QString& other, bool second) {
    const QFileInfo file(path), otherFile(other);
    if (file.fileName() != otherFile.fileName()) return file.fileName();
    if (file.absoluteFilePath() == otherFile.absoluteFilePath()) {
        return second ? QObject::tr("%1 (again)").arg(file.fileName()) : file.fileName();
    }
    return file.dir().dirName() + "/" + file.fileName();
}

std::optional<std::size_t> itemOf(qsizetype index) {
    return index >= 0 ? std::optional<std::size_t>(static_cast<std::size_t>(index)) : std::nullopt;
}

latent::LayoutCallback asLayoutCallback(latent::ProgressFn progress) {
    return [progress = std::move(progress)](const latent::LatentBatch&, double fraction, const std::string& message) {
        return !progress || progress(fraction, message);
    };
}

}  // namespace

ComparisonController::ComparisonController(Parts parts, QObject* parent)
    : QObject(parent), p_(parts), otherInference_(new Inference(this)), job_(this) {
    p_.pane->hide();
    job_.onProgress([this](const JobProgress& progress) {
        p_.panel->setProgress(progress.fraction, QString::fromStdString(progress.message));
    });
    connect(p_.panel, &ComparisonPanel::cancelRequested, this, [this] { job_.cancel(); });
    connect(p_.panel, &ComparisonPanel::closeRequested, this, &ComparisonController::close);
    connect(p_.state, &ExplorerState::workspaceChanged, this, [this] {
        if (!isOpen() && !job_.isRunning()) return;
        close();
        p_.panel->showIdle(tr("The comparison closed: the explorer opened other items."));
    });
    connect(p_.state, &ExplorerState::projectionChanged, this, &ComparisonController::realign);
    connect(p_.state, &ExplorerState::coloursChanged, this, [this] {
        if (isOpen() && p_.map->pointCount() == p_.state->colours().size()) p_.map->setColours(p_.state->colours());
    });
    connect(p_.state, &ExplorerState::currentChanged, this, [this] {
        firstDecoded_ = {};  // its decode follows
        showCurrent();
    });
    connect(p_.firstMap, &ScatterMap::pointHovered, this, [this](qsizetype i) { p_.rings->setLinkedItem(itemOf(i)); });
    connect(p_.map, &ScatterMap::pointHovered, this, [this](qsizetype i) { p_.firstRings->setLinkedItem(itemOf(i)); });
    connect(p_.map, &ScatterMap::pointClicked, this, &ComparisonController::itemChosen);
    connect(p_.inference, &Inference::decoded, this, [this](quint64 id, const latent::Image& image) {
        if (id != p_.inference->latestRequest()) return;
        firstDecoded_ = image;  // shown when a comparison opens on the current point
        if (isOpen()) p_.panel->setDecoded(ComparisonPanel::Side::First, image);
    });
    connect(otherInference_, &Inference::decoded, this, [this](quint64 id, const latent::Image& image) {
        if (id == otherRequest_) p_.panel->setDecoded(ComparisonPanel::Side::Second, image);
    });
    connect(otherInference_, &Inference::failed, this, [this](quint64 id, const QString& message) {
        if (id == otherRequest_) p_.panel->setDecodeMessage(ComparisonPanel::Side::Second, message);
    });
}

void ComparisonController::open(const QString& path, const QString& colourBy) {
    const auto first = p_.state->workspace();
    const auto projection = p_.state->projection();
    if (!first || !projection) {
        p_.panel->showStopped(tr("Open data and wait for its map first: the comparison places the same items."));
        return;
    }
    if (!first->hasImages()) {
        p_.panel->showStopped(tr("Comparing needs the items' images for the second model to encode; "
                                 "these points have none."));
        return;
    }
    const int threads = std::max(1, QThread::idealThreadCount());
    latent::WorkspaceRequest request;
    request.identity = p_.state->identity();
    request.identity.modelPath = path.toStdString();
    request.threads = threads;
    request.requireModel = true;
    latent::ProjectionParams params = projection->params;
    params.threads = threads;
    p_.panel->showRunning(tr("Encoding the items with %1…").arg(modelName(request.identity.modelPath)));
    job_.run(
        [first, request, params, reference = projection->coords, threads](const LatestJob<Compared>::Control& control) {
            const latent::ProgressFn progress = reporting(control);
            Compared compared;
            compared.other = std::make_shared<latent::Workspace>(
                latent::buildWorkspace(request, latent::subRange(progress, 0.0, 0.6)));
            if (!compared.other->hasImages()) {
                throw latent::Error(latent::ErrorKind::InvalidArgument,
                                    "this model has no encoder: it cannot place the items");
            }
            compared.agreement = latent::compareNeighbours(*first, *compared.other, kNeighbours, params.seed, threads,
                                                           latent::subRange(progress, 0.6, 0.7, "Comparing neighbours"));
            compared.map = latent::alignedMap(*compared.other, params, reference,
                                              asLayoutCallback(latent::subRange(progress, 0.7, 1.0)));
            return compared;
        },
        [this, path, colourBy](JobOutcome<Compared> outcome) {
            if (outcome.result) {
                otherPath_ = path;
                onCompared(std::move(*outcome.result), colourBy);
            } else if (outcome.cancelled) {
                p_.panel->showStopped(tr("Cancelled; nothing changed."));
            } else {
                p_.panel->showStopped(tr("Could not compare: %1").arg(outcome.error));
                Q_EMIT failed(tr("could not compare: %1").arg(outcome.error));
            }
        });
}

void ComparisonController::realign() {
    const auto projection = p_.state->projection();
    if (!isOpen() || !projection) return;
    latent::ProjectionParams params = projection->params;
    params.threads = std::max(1, QThread::idealThreadCount());
    p_.panel->showRunning(tr("Laying %1's map onto the new one…").arg(otherName()));
    job_.run(
        [other = other_, params, reference = projection->coords](const LatestJob<Compared>::Control& control) {
            const latent::ProgressFn progress = reporting(control);
            Compared compared;
            compared.map = latent::alignedMap(*other, params, reference, asLayoutCallback(progress));
            return compared;
        },
        [this](JobOutcome<Compared> outcome) {
            if (outcome.result) {
                onCompared(std::move(*outcome.result));
            } else {
                p_.panel->showStopped(outcome.cancelled ? tr("Cancelled: the second map is not aligned to the first.")
                                                        : tr("Could not align the second map: %1").arg(outcome.error));
            }
        });
}

void ComparisonController::onCompared(Compared compared, const QString& colourBy) {
    const bool opened = compared.other != nullptr;
    if (opened) {
        other_ = std::move(compared.other);
        agreement_ = std::move(compared.agreement);
        otherInference_->setModel(other_->model);
    }
    otherMap_ = std::move(compared.map);
    showMap();
    const QString column = tr("agreement with %1").arg(otherName());
    if (opened) {
        p_.colourBy->setComparison(latent::agreementColumn(*agreement_, column.toStdString()));
        if (colourBy.isEmpty() || !p_.colourBy->setColumn(colourBy)) p_.colourBy->setColumn(column);  // where they disagree
    }
    const std::size_t n = agreement_->perItem.size();
    const QString summary =
        tr("Neighbour agreement (%1 nearest): mean %2, median %3; %L4 of %L5 items (%6%) below %7, the models "
           "disagree there (Colour by \"%8\").\nAligned map error %9 (0: the same layout, 1: nothing in common).")
            .arg(agreement_->neighbours - 1)
            .arg(agreement_->mean, 0, 'f', 3)
            .arg(agreement_->median, 0, 'f', 3)
            .arg(agreement_->low)
            .arg(n)
            .arg(100.0 * static_cast<double>(agreement_->low) / static_cast<double>(n), 0, 'f', 0)
            .arg(latent::kLowAgreement)
            .arg(column)
            .arg(otherMap_.alignment.error, 0, 'f', 3);
    p_.panel->showComparison(firstName(), otherName(), summary);
    showCurrent();
    Q_EMIT statusMessage(tr("Compared with %1: mean neighbour agreement %2.").arg(otherName()).arg(agreement_->mean, 0, 'f', 3));
    Q_EMIT shown();
}

void ComparisonController::showMap() {
    p_.pane->show();
    const auto& colours = p_.state->colours();
    p_.map->setPoints(otherMap_.coords, colours.size() == otherMap_.coords.count
                                            ? colours
                                            : std::vector<QColor>(otherMap_.coords.count, unlabelledColor()));
    const auto* selection = p_.state->selection();
    if (selection->pointCount() == otherMap_.coords.count) p_.map->setSelection(selection->mask());
    const auto projection = p_.state->projection();
    p_.title->setText(tr("%1 · %2 · laid onto the first map (error %3)")
                          .arg(otherName(), projection ? QString::fromStdString(latent::describe(projection->params)) : QString())
                          .arg(otherMap_.alignment.error, 0, 'f', 3));
    p_.rings->refresh();
}

void ComparisonController::showCurrent() {
    if (!isOpen()) return;
    const auto& current = p_.state->current();
    otherRequest_ = 0;
    if (current.latent.empty()) {
        p_.map->clearMarker();
        p_.panel->showItem(tr("Click an item on either map: its original and both models' reconstructions show here."),
                           nullptr);
        return;
    }
    const auto first = p_.state->workspace();
    if (current.index && *current.index < otherMap_.coords.count && first) {
        const std::size_t i = *current.index;
        p_.map->setMarker(mapPosition(otherMap_.coords.row(i)), false);
        const latent::Image original = first->hasImages() ? first->dataset.image(i) : latent::Image{};
        showItemPictures(tr("%1: %2 of its %3 nearest neighbours are the same in both models (agreement %4)")
                               .arg(current.label)
                               .arg(static_cast<int>(std::lround(agreement_->perItem[i] * (agreement_->neighbours - 1))))
                               .arg(agreement_->neighbours - 1)
                               .arg(agreement_->perItem[i], 0, 'f', 2),
                           &original);
        const auto z = other_->latents.row(i);
        otherRequest_ = otherInference_->request({z.begin(), z.end()});
        return;
    }
    p_.map->clearMarker();
    showItemPictures(tr("%1: not an item, so it has no place on the second map").arg(current.label), nullptr);
    if (current.latent.size() == other_->latents.dim) {
        otherRequest_ = otherInference_->request(current.latent);  // the same latent, the other decoder
    } else {
        p_.panel->setDecodeMessage(ComparisonPanel::Side::Second,
                                   tr("Its latents have %1 values, not %2").arg(other_->latents.dim).arg(current.latent.size()));
    }
}

void ComparisonController::close() {
    job_.discard();
    other_.reset();
    otherPath_.clear();
    agreement_.reset();
    otherMap_ = {};
    otherRequest_ = 0;
    otherInference_->setModel(nullptr);
    p_.map->clear();
    p_.pane->hide();
    p_.firstRings->setLinkedItem(std::nullopt);
    p_.rings->setLinkedItem(std::nullopt);
    p_.colourBy->setComparison(std::nullopt);
    p_.panel->showIdle(tr("No comparison open."));
    Q_EMIT closed();
}

void ComparisonController::showItemPictures(const QString& caption, const latent::Image* original) {
    p_.panel->showItem(caption, original);
    if (!firstDecoded_.pixels.empty()) p_.panel->setDecoded(ComparisonPanel::Side::First, firstDecoded_);
}

QString ComparisonController::firstName() const {
    return distinctName(QString::fromStdString(p_.state->identity().modelPath.string()), otherPath_, false);
}

QString ComparisonController::otherName() const {
    return distinctName(otherPath_, QString::fromStdString(p_.state->identity().modelPath.string()), true);
}

}  // namespace latent::ui
