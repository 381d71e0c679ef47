#include "latent/ui/ComparisonController.h"

#include <QDir>
#include <QFileInfo>
#include <QThread>
#include <QWidget>
#include <algorithm>
#include <filesystem>
#include <cmath>
#include <string>

#include "latent/core/CheckpointMeasures.h"
#include "latent/core/Checkpoints.h"
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
#include "latent/ui/RunTimeline.h"
#include "latent/ui/SelectionModel.h"

namespace latent::ui {
namespace {

// Neighbours compared per item, counting it: UMAP's default, so a UMAP map's graph serves.
const int kNeighbours = latent::ProjectionParams{}.neighbours;

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

// Member k of n's share of a job's progress.
latent::ProgressFn memberRange(const latent::ProgressFn& progress, std::size_t k, std::size_t n) {
    return latent::subRange(progress, static_cast<double>(k) / static_cast<double>(n),
                            static_cast<double>(k + 1) / static_cast<double>(n));
}

int jobThreads() { return std::max(1, QThread::idealThreadCount()); }

// How each checkpoint's report-card numbers are measured: the report card's defaults.
latent::ReportOptions checkpointMeasuring(const latent::ProjectionParams& params) {
    latent::ReportOptions options;
    options.seed = params.seed;
    options.threads = params.threads;
    return options;
}

// The first map's projection as the other models' maps are computed: on every core.
latent::ProjectionParams paramsLike(const latent::ProjectionResult& projection) {
    latent::ProjectionParams params = projection.params;
    params.threads = jobThreads();
    return params;
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
    connect(p_.panel->timeline(), &RunTimeline::stepRequested, this,
            [this](int step) { showStep(static_cast<std::size_t>(step), ScatterMap::Motion::Glide); });
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

void ComparisonController::open(const QString& source, const QString& colourBy, std::size_t step) {
    const auto first = p_.state->workspace();
    const auto projection = p_.state->projection();
    if (!first || !projection) {
        p_.panel->showStopped(tr("Open data and wait for its map first: the comparison places the same items."));
        return;
    }
    if (!first->hasImages()) {
        p_.panel->showStopped(tr("Comparing needs the items' images for the other model to encode; "
                                 "these points have none."));
        return;
    }
    const int threads = jobThreads();
    latent::WorkspaceRequest request;
    request.identity = p_.state->identity();
    request.threads = threads;
    request.requireModel = true;
    const latent::ProjectionParams params = paramsLike(*projection);
    const bool series = QFileInfo(source).isDir();
    const QString firstPath = QString::fromStdString(p_.state->identity().modelPath.string());
    const std::string column = (series ? tr("agreement with the checkpoint")
                                       : tr("agreement with %1").arg(distinctName(source, firstPath, true)))
                                   .toStdString();
    p_.panel->showRunning(series ? tr("Opening the checkpoints in %1…").arg(source)
                                 : tr("Encoding the items with %1…").arg(QFileInfo(source).fileName()));
    job_.run(
        [first, request, params, firstParams = projection->params, reference = projection->coords, threads, column,
         measuring = checkpointMeasuring(params),
         source = source.toStdString()](const LatestJob<std::vector<Member>>::Control& control) mutable {
            const latent::ProgressFn progress = reporting(control);
            std::vector<latent::Checkpoint> models;
            if (std::filesystem::is_directory(source)) {
                models = latent::listCheckpoints(source);
            } else {
                models.push_back({source, std::nullopt, std::nullopt, {}});
            }
            std::vector<Member> members;
            for (std::size_t k = 0; k < models.size(); ++k) {
                const auto part = memberRange(progress, k, models.size());
                Member member;
                member.path = QString::fromStdString(models[k].path.string());
                if (models.size() > 1) member.label = QString::fromStdString(models[k].label);
                request.identity.modelPath = models[k].path;
                auto workspace = std::make_shared<latent::Workspace>(
                    latent::buildWorkspace(request, latent::subRange(part, 0.0, 0.6)));
                if (!workspace->hasImages()) {
                    throw latent::Error(latent::ErrorKind::InvalidArgument,
                                        models[k].path.filename().string() + " has no encoder: it cannot place the items");
                }
                member.agreement = latent::compareNeighbours(*first, *workspace, kNeighbours, params.seed, threads,
                                                             latent::subRange(part, 0.6, 0.7, "Comparing neighbours"));
                member.agreementColumn = latent::agreementColumn(member.agreement, column);
                if (models.size() > 1) member.measures = latent::measureCheckpoint(*workspace, member.agreement, measuring);
                member.map = latent::alignedMap(*workspace, params, {first->latents, firstParams, reference},
                                                asLayoutCallback(latent::subRange(part, 0.7, 1.0)));
                member.workspace = std::move(workspace);
                members.push_back(std::move(member));
            }
            return members;
        },
        [this, source, colourBy, step](JobOutcome<std::vector<Member>> outcome) {
            if (outcome.result) {
                source_ = source;
                members_ = std::move(*outcome.result);
                shown_ = std::min(step, members_.size() - 1);
                showMember(ScatterMap::Motion::Jump);
                p_.panel->timeline()->setMeasures(runMeasures());
                if (colourBy.isEmpty() || !p_.colourBy->setColumn(colourBy)) p_.colourBy->setColumn(columnName());
                Q_EMIT statusMessage(members_.size() > 1
                                         ? tr("Opened %1 checkpoints: step through them on the Compare dock's timeline.")
                                               .arg(members_.size())
                                         : tr("Compared with %1: mean neighbour agreement %2.")
                                               .arg(otherName())
                                               .arg(members_.front().agreement.mean, 0, 'f', 3));
                Q_EMIT shown();
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
    const auto first = p_.state->workspace();
    if (!first) return;
    const latent::ProjectionParams params = paramsLike(*projection);
    std::vector<std::shared_ptr<const latent::Workspace>> workspaces;
    for (const auto& member : members_) workspaces.push_back(member.workspace);
    p_.panel->showRunning(tr("Laying the other maps onto the new one…"));
    job_.run(
        [first, workspaces, params, firstParams = projection->params,
         reference = projection->coords](const LatestJob<std::vector<Member>>::Control& control) {
            const latent::ProgressFn progress = reporting(control);
            std::vector<Member> maps(workspaces.size());
            for (std::size_t k = 0; k < workspaces.size(); ++k) {
                maps[k].map = latent::alignedMap(*workspaces[k], params, {first->latents, firstParams, reference},
                                                 asLayoutCallback(memberRange(progress, k, workspaces.size())));
            }
            return maps;
        },
        [this](JobOutcome<std::vector<Member>> outcome) {
            if (outcome.result && outcome.result->size() == members_.size()) {
                for (std::size_t k = 0; k < members_.size(); ++k) members_[k].map = std::move((*outcome.result)[k].map);
                showMember(ScatterMap::Motion::Jump);
                Q_EMIT shown();
            } else if (!outcome.result) {
                p_.panel->showStopped(outcome.cancelled ? tr("Cancelled: the other map is not aligned to the first.")
                                                        : tr("Could not align the other map: %1").arg(outcome.error));
            }
        });
}

void ComparisonController::showStep(std::size_t step, ScatterMap::Motion motion) {
    if (!isOpen() || step >= members_.size() || step == shown_) return;
    shown_ = step;
    showMember(motion);
    Q_EMIT stepShown(step);
}

std::shared_ptr<const latent::Workspace> ComparisonController::other() const {
    return isOpen() ? members_[shown_].workspace : nullptr;
}

const latent::AlignedMap& ComparisonController::otherMap() const {
    static const latent::AlignedMap none;
    return isOpen() ? members_[shown_].map : none;
}

const latent::ModelAgreement* ComparisonController::agreement() const {
    return isOpen() ? &members_[shown_].agreement : nullptr;
}

void ComparisonController::showMember(ScatterMap::Motion motion) {
    const Member& member = members_[shown_];
    const auto& coords = member.map.coords;
    otherInference_->setModel(member.workspace->model);
    p_.colourBy->setComparison(member.agreementColumn);
    p_.pane->show();
    if (p_.map->pointCount() == coords.count) {
        p_.map->movePoints(coords, motion);
    } else {
        const auto& colours = p_.state->colours();
        p_.map->setPoints(coords, colours.size() == coords.count ? colours
                                                                 : std::vector<QColor>(coords.count, unlabelledColor()));
        const auto* selection = p_.state->selection();
        if (selection->pointCount() == coords.count) p_.map->setSelection(selection->mask());
    }
    const auto projection = p_.state->projection();
    p_.title->setText(tr("%1 · %2 · laid onto the first map (error %3)")
                          .arg(otherName(), projection ? QString::fromStdString(latent::describe(projection->params)) : QString())
                          .arg(member.map.alignment.error, 0, 'f', 3));
    p_.rings->refresh();
    const auto& a = member.agreement;
    const std::size_t n = a.perItem.size();
    const QString summary =
        tr("Neighbour agreement (%1 nearest): mean %2, median %3; %L4 of %L5 items (%6%) below %7, the models "
           "disagree there (Colour by \"%8\").\nAligned map error %9 (0: the same layout, 1: nothing in common).")
            .arg(a.neighbours - 1)
            .arg(a.mean, 0, 'f', 3)
            .arg(a.median, 0, 'f', 3)
            .arg(a.low)
            .arg(n)
            .arg(100.0 * static_cast<double>(a.low) / static_cast<double>(n), 0, 'f', 0)
            .arg(latent::kLowAgreement)
            .arg(columnName())
            .arg(member.map.alignment.error, 0, 'f', 3);
    p_.panel->showComparison(firstName(), otherName(), summary);
    QStringList labels;
    for (const auto& m : members_) labels << m.label;
    p_.panel->timeline()->setRun(members_.size() > 1 ? labels : QStringList{}, static_cast<int>(shown_));
    showCurrent();
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
    const Member& member = members_[shown_];
    const auto& agreement = member.agreement;
    if (current.index && *current.index < member.map.coords.count && first) {
        const std::size_t i = *current.index;
        p_.map->setMarker(mapPosition(member.map.coords.row(i)), false);
        const latent::Image original = first->hasImages() ? first->dataset.image(i) : latent::Image{};
        showItemPictures(tr("%1: %2 of its %3 nearest neighbours are the same in both models (agreement %4)")
                               .arg(current.label)
                               .arg(static_cast<int>(std::lround(agreement.perItem[i] * (agreement.neighbours - 1))))
                               .arg(agreement.neighbours - 1)
                               .arg(agreement.perItem[i], 0, 'f', 2),
                           &original);
        const auto z = member.workspace->latents.row(i);
        otherRequest_ = otherInference_->request({z.begin(), z.end()});
        return;
    }
    p_.map->clearMarker();
    showItemPictures(tr("%1: not an item, so it has no place on the second map").arg(current.label), nullptr);
    const std::size_t dim = member.workspace->latents.dim;
    if (current.latent.size() == dim) {
        otherRequest_ = otherInference_->request(current.latent);  // the same latent, the other decoder
    } else {
        p_.panel->setDecodeMessage(ComparisonPanel::Side::Second,
                                   tr("Its latents have %1 values, not %2").arg(dim).arg(current.latent.size()));
    }
}

void ComparisonController::close() {
    job_.discard();
    members_.clear();
    source_.clear();
    shown_ = 0;
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

std::vector<RunMeasure> ComparisonController::runMeasures() const {
    std::vector<RunMeasure> measures;
    if (members_.size() < 2) return measures;
    for (std::size_t m = 0; m < members_.front().measures.size(); ++m) {
        const auto& number = members_.front().measures[m];
        RunMeasure measure{QString::fromStdString(number.label), QString::fromStdString(number.sample), {}};
        for (const auto& member : members_) measure.values.push_back(member.measures[m].value);
        measures.push_back(std::move(measure));
    }
    return measures;
}

QString ComparisonController::firstName() const {
    return distinctName(QString::fromStdString(p_.state->identity().modelPath.string()), source_, false);
}

QString ComparisonController::otherName() const {
    if (!isOpen()) return {};
    const Member& member = members_[shown_];
    if (!member.label.isEmpty()) return member.label;
    return distinctName(member.path, QString::fromStdString(p_.state->identity().modelPath.string()), true);
}

QString ComparisonController::columnName() const {
    return isOpen() ? QString::fromStdString(members_[shown_].agreementColumn.name) : QString();
}

}  // namespace latent::ui
