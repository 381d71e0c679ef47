#pragma once

#include <QObject>
#include <memory>

#include "latent/core/Workspace.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

class CurrentPointController;
class ExplorerState;
class MorphPanel;
class ScatterMap;

// The morph's place on the map and its ends chosen by index or class: draws the path from
// A to B (the interpolated latents placed with the projection's transform) and sets the
// ends the endpoint picker chooses.
class MorphController : public QObject {
    Q_OBJECT
public:
    // Latents placed along the drawn path (enough for a slerp arc to look smooth).
    static constexpr std::size_t kPathSamples = 64;

    // Follows `state`'s workspace; the path is placed on `current`'s finished projection.
    MorphController(MorphPanel* morph, ScatterMap* map, CurrentPointController* current, const ExplorerState* state,
                    QObject* parent = nullptr);

    // Redraws the path for the morph and the map as they are now.
    void updatePath();

    // The path on show is being placed (t-SNE, UMAP and LLE maps place it off the UI thread).
    bool placingPath() const { return placement_.isRunning(); }

Q_SIGNALS:
    // A path placed off the UI thread is on the map.
    void pathPlaced();

private:
    void onWorkspaceChanged();
    void setEndFromDataset(bool isA, std::size_t index);
    void showPath(const latent::LatentBatch& placed);

    MorphPanel* morph_;
    ScatterMap* map_;
    CurrentPointController* current_;
    const ExplorerState* state_;
    LatestJob<latent::LatentBatch> placement_;  // only the latest path's placement is shown
};

}  // namespace latent::ui
