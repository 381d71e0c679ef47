#pragma once

#include <QObject>
#include <QString>
#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/Annotations.h"
#include "latent/core/ClusterProfiles.h"
#include "latent/core/Projection.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

class AnnotationHistory;
class BatchDecoder;
class ClustersPanel;
class ColourByPanel;
class CurrentPointController;
class ExplorerState;
class Inference;

// Wires the Clusters panel to the explorer: clusters are found in the background on the
// latents' UMAP neighbour graph (the workspace's NeighbourGraphs: shared with the UMAP map,
// so neither builds it twice and new settings only rerun Leiden or HDBSCAN), kept in the state's
// annotations (so Colour by, sessions and exports see them),
// profiled, and their prototypes decoded on the inference engine. A session's clusters are
// profiled again when it is restored.
class ClustersController : public QObject {
    Q_OBJECT
public:
    struct Parts {
        ExplorerState* state = nullptr;
        AnnotationHistory* history = nullptr;  // finding and renaming are undoable steps
        ClustersPanel* panel = nullptr;
        ColourByPanel* colourBy = nullptr;
        Inference* inference = nullptr;
        CurrentPointController* current = nullptr;
    };
    ClustersController(Parts parts, QObject* parent);

    // Finds clusters and colours the map by them (in the background; the panel shows how it went).
    void find(const latent::ClusterSettings& settings);
    // An error message, or "".
    QString rename(std::size_t cluster, const QString& name);
    const std::optional<latent::ClusterSummary>& summary() const { return summary_; }

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    // What a run hands back: the clusters (unchanged when only profiled) and their profiles.
    struct Found {
        latent::ItemClusters clusters;
        latent::ClusterSummary summary;
        bool fresh = false;  // found now, not a session's
    };
    latent::ProjectionParams graphParams() const;
    void onWorkspaceChanged();
    void onAnnotationsChanged();
    void onFound(Found found);
    void profile(const latent::ItemClusters& clusters);
    void decodePictures();
    void selectClusters(const std::vector<std::size_t>& clusters);

    Parts p_;
    BatchDecoder* decoder_;
    LatestJob<Found> job_;
    std::optional<latent::ClusterReference> reference_;
    std::optional<latent::ClusterSummary> summary_;
    std::vector<int> profiledLabels_;  // the labels summary_ describes
};

}  // namespace latent::ui
