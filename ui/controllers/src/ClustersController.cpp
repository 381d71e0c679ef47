#include "latent/ui/ClustersController.h"

#include <QThread>
#include <algorithm>

#include "latent/core/Clustering.h"
#include "latent/core/ProgressRange.h"
#include "latent/ui/AnnotationHistory.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ClustersPanel.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/ImageConvert.h"
#include "latent/ui/SelectionModel.h"

namespace latent::ui {

ClustersController::ClustersController(Parts parts, QObject* parent)
    : QObject(parent), p_(parts), decoder_(new BatchDecoder(p_.inference, this)), job_(this) {
    connect(p_.state, &ExplorerState::workspaceChanged, this, &ClustersController::onWorkspaceChanged);
    connect(p_.state, &ExplorerState::annotationsChanged, this, &ClustersController::onAnnotationsChanged);
    connect(p_.panel, &ClustersPanel::findRequested, this, &ClustersController::find);
    connect(p_.panel, &ClustersPanel::cancelRequested, this, [this] { job_.cancel(); });
    connect(p_.panel, &ClustersPanel::renameRequested, this, [this](std::size_t cluster, const QString& name) {
        const QString error = rename(cluster, name);
        if (error.isEmpty()) return;
        if (const auto& clusters = p_.state->annotations().clusters) p_.panel->showNames(clusters->names);
        Q_EMIT statusMessage(tr("Not renamed: %1").arg(error));
    });
    connect(p_.panel, &ClustersPanel::clustersChosen, this, &ClustersController::selectClusters);
    connect(p_.panel, &ClustersPanel::prototypeActivated, this, [this](std::size_t cluster) {
        const auto& clusters = p_.state->annotations().clusters;
        if (!summary_ || !clusters || cluster >= summary_->clusters.size()) return;
        p_.current->setCurrent(summary_->clusters[cluster].mean,
                               tr("the prototype of cluster %1").arg(QString::fromStdString(clusters->names[cluster])),
                               false);
    });
    connect(p_.panel, &ClustersPanel::medoidActivated, this, [this](std::size_t cluster) {
        if (summary_ && cluster < summary_->clusters.size())
            p_.current->selectItem(static_cast<qsizetype>(summary_->clusters[cluster].medoid));
    });
    job_.onProgress([this](const JobProgress& progress) {
        p_.panel->setProgress(progress.fraction, QString::fromStdString(progress.message));
    });
    connect(decoder_, &BatchDecoder::decoded, this, [this](const std::vector<latent::Image>& images) {
        if (!summary_) return;
        const std::size_t clusters = summary_->clusters.size();
        std::vector<QImage> pictures;
        for (const auto& image : images) pictures.push_back(toQImage(image));
        p_.panel->setPrototypes({pictures.begin(), pictures.begin() + static_cast<std::ptrdiff_t>(std::min(clusters, pictures.size()))});
        if (pictures.size() == 2 * clusters) p_.panel->setMedoids({pictures.begin() + static_cast<std::ptrdiff_t>(clusters), pictures.end()});
    });
}

void ClustersController::onWorkspaceChanged() {
    job_.discard();
    decoder_->discard();
    summary_.reset();
    profiledLabels_.clear();
    const auto ws = p_.state->workspace();
    reference_.reset();
    if (ws) reference_ = latent::clusterReference(ws->dataset, ws->metadata, ws->latents.count);
    const int neighbours = latent::ProjectionParams{}.neighbours;
    const bool enough = ws && ws->latents.count > static_cast<std::size_t>(neighbours);
    p_.panel->setAvailable(enough, tr("Clustering needs more than %1 items.").arg(neighbours));
}

// The graph of the UMAP map on show (Euclidean), else of a UMAP map with default settings:
// a map and its clusters share one graph, built once (NeighbourGraphs).
latent::ProjectionParams ClustersController::graphParams() const {
    const auto& shown = p_.state->projection();
    if (shown && shown->params.method == latent::ProjectionMethod::Umap &&
        shown->params.metric == latent::Metric::Euclidean) {
        return shown->params;
    }
    return {};
}

void ClustersController::find(const latent::ClusterSettings& settings) {
    const auto ws = p_.state->workspace();
    if (!ws) return;
    latent::ProjectionParams graph = graphParams();
    const bool density = settings.method == latent::kDensity;
    // Density clusters need minClusterSize - 1 neighbours per item: more than the map's graph has, at times.
    if (density) graph.neighbours = std::max(graph.neighbours, static_cast<int>(settings.minClusterSize));
    if (ws->latents.count <= static_cast<std::size_t>(graph.neighbours)) {
        p_.panel->showStopped(tr("Clustering with these settings needs more than %1 items.").arg(graph.neighbours));
        return;
    }
    p_.panel->showRunning(tr("Finding clusters…"));
    const int threads = std::max(1, QThread::idealThreadCount());
    job_.run(
        [ws, graph, settings, density, threads, reference = reference_](const LatestJob<Found>::Control& control) {
            const latent::ProgressFn progress = reporting(control);
            const auto graphProgress = latent::subRange(progress, 0.0, 0.8);
            latent::Clustering clustering;
            if (density) {
                const auto knn = ws->graphs->knn(ws->latents, graph.neighbours, graph.metric, graph.seed, threads, graphProgress);
                if (!progress(0.8, "Finding dense regions (HDBSCAN)…")) throw latent::Error(latent::ErrorKind::Cancelled, "cancelled");
                clustering = latent::densityClusters(*knn, {settings.minClusterSize, 0});
            } else {
                const auto fuzzy = ws->graphs->get(ws->latents, graph.neighbours, graph.metric, graph.seed, threads, graphProgress);
                if (!progress(0.8, "Finding communities (Leiden)…")) throw latent::Error(latent::ErrorKind::Cancelled, "cancelled");
                latent::LeidenOptions leiden;
                leiden.resolution = settings.resolution;
                leiden.seed = settings.seed;
                clustering = latent::leidenClusters(*fuzzy, leiden);
            }
            if (!progress(0.9, "Profiling the clusters…")) throw latent::Error(latent::ErrorKind::Cancelled, "cancelled");
            Found found;
            found.clusters.settings = settings;
            found.clusters.neighbours = graph.neighbours;
            found.clusters.graphSeed = graph.seed;
            found.clusters.labels = clustering.labels;
            found.summary = latent::summariseClusters(clustering.labels, ws->latents,
                                                      reference ? &reference->categories : nullptr);
            found.clusters.names = latent::automaticClusterNames(found.summary);
            found.fresh = true;
            return found;
        },
        [this](JobOutcome<Found> outcome) {
            if (outcome.result) {
                onFound(std::move(*outcome.result));
            } else {
                p_.panel->showStopped(outcome.cancelled ? tr("Cancelled; the clusters shown are unchanged.")
                                                        : tr("Could not find clusters: %1").arg(outcome.error));
            }
        });
}

void ClustersController::profile(const latent::ItemClusters& clusters) {
    const auto ws = p_.state->workspace();
    p_.panel->showRunning(tr("Profiling the clusters…"));
    job_.run(
        [ws, clusters, reference = reference_](const LatestJob<Found>::Control&) {
            Found found;
            found.clusters = clusters;
            found.summary = latent::summariseClusters(clusters.labels, ws->latents,
                                                      reference ? &reference->categories : nullptr);
            return found;
        },
        [this](JobOutcome<Found> outcome) {
            if (outcome.result) {
                onFound(std::move(*outcome.result));
            } else {
                p_.panel->showStopped(outcome.cancelled ? tr("Cancelled.") : tr("Could not profile the clusters: %1").arg(outcome.error));
            }
        });
}

void ClustersController::onFound(Found found) {
    summary_ = std::move(found.summary);
    profiledLabels_ = found.clusters.labels;
    if (found.fresh) {
        latent::Annotations annotations = p_.state->annotations();
        annotations.clusters = found.clusters;
        const QString what = tr("Find %1 clusters").arg(summary_->clusters.size());
        if (const QString error = p_.history->apply(std::move(annotations), what); !error.isEmpty()) {
            p_.panel->showStopped(tr("Could not keep the clusters: %1").arg(error));
            return;
        }
    }
    const auto& clusters = p_.state->annotations().clusters;
    if (!clusters || clusters->labels != profiledLabels_) return;  // changed meanwhile: profiled again
    p_.panel->setSettings(clusters->settings);
    p_.panel->showClusters(*clusters, *summary_, reference_ ? QString::fromStdString(reference_->column) : QString());
    decodePictures();
    if (found.fresh) {
        p_.colourBy->setColumn(
            QString::fromStdString(latent::annotationColumnName(latent::kClusterColumn, p_.state->workspace()->metadata)));
        const std::size_t count = summary_->clusters.size();
        Q_EMIT statusMessage(count == 1 ? tr("Found 1 cluster; the map is coloured by it.")
                                        : tr("Found %1 clusters; the map is coloured by them.").arg(count));
    }
}

// Renames only change the names; other labels (a session's) are profiled before they show.
void ClustersController::onAnnotationsChanged() {
    const auto& clusters = p_.state->annotations().clusters;
    if (!clusters) {
        summary_.reset();
        profiledLabels_.clear();
        if (!job_.isRunning()) p_.panel->clear();
        return;
    }
    if (summary_ && clusters->labels == profiledLabels_) {
        p_.panel->showNames(clusters->names);
    } else {
        profile(*clusters);
    }
}

void ClustersController::decodePictures() {
    const auto ws = p_.state->workspace();
    if (!ws || !summary_) return;
    std::vector<std::size_t> medoids;
    for (const auto& c : summary_->clusters) medoids.push_back(c.medoid);
    if (ws->hasImages()) {
        std::vector<QImage> pictures;
        for (const std::size_t m : medoids) pictures.push_back(toQImage(ws->dataset.image(m)));
        p_.panel->setMedoids(pictures);
    }
    if (!ws->hasModel()) return;
    // The prototypes, then (with no dataset images to show) the medoids' latents.
    latent::LatentBatch latents(summary_->clusters.size(), ws->latents.dim);
    for (std::size_t c = 0; c < summary_->clusters.size(); ++c) {
        std::copy(summary_->clusters[c].mean.begin(), summary_->clusters[c].mean.end(), latents.row(c).begin());
    }
    if (!ws->hasImages()) {
        const auto more = latent::rowsOf(ws->latents, medoids);
        latents.values.insert(latents.values.end(), more.values.begin(), more.values.end());
        latents.count += more.count;
    }
    decoder_->request(latents);
}

QString ClustersController::rename(std::size_t cluster, const QString& name) {
    latent::Annotations annotations = p_.state->annotations();
    if (!annotations.clusters) return tr("there are no clusters");
    try {
        latent::renameCluster(*annotations.clusters, cluster, name.toStdString());
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    return p_.history->apply(std::move(annotations), tr("Rename cluster %1 '%2'").arg(cluster + 1).arg(name.trimmed()));
}

void ClustersController::selectClusters(const std::vector<std::size_t>& clusters) {
    const auto& annotated = p_.state->annotations().clusters;
    if (!annotated) return;
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < annotated->labels.size(); ++i) {
        const int label = annotated->labels[i];
        if (label >= 0 && std::binary_search(clusters.begin(), clusters.end(), static_cast<std::size_t>(label)))
            items.push_back(i);
    }
    p_.state->selection()->replace(items);
    Q_EMIT statusMessage(tr("Selected the %1 items of %2.")
                             .arg(items.size())
                             .arg(clusters.size() == 1 ? tr("the cluster") : tr("%1 clusters").arg(clusters.size())));
}

}  // namespace latent::ui
