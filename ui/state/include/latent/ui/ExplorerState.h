#pragma once

#include <QColor>
#include <QObject>
#include <QString>
#include <cstddef>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/Annotations.h"
#include "latent/core/Projector.h"
#include "latent/core/Workspace.h"
#include "latent/core/WorkspaceIdentity.h"

namespace latent::ui {

class SelectionModel;

// The point every exploration view acts on: a clicked item, a decoded spot of the map, a
// slider edit, a morph frame.
struct CurrentPoint {
    std::vector<float> latent;         // empty until a point is chosen
    std::optional<std::size_t> index;  // set when it is a dataset item's own latent
    QString label;                     // "#12 · Sneaker", "morph frame at t = 0.50 (slerp)"
};

// What one explorer shows: the workspace and its identity, the projection on the map, the
// colour of every point, the current point, the selected points and the user's annotations. Views and controllers
// read it and follow its signals instead of asking the window; the window's loading and
// projection code and the controllers set it. Nothing in it is global, so two explorers
// (two models side by side) can each have one.
class ExplorerState : public QObject {
    Q_OBJECT
public:
    explicit ExplorerState(QObject* parent = nullptr);

    // Null before the first workspace is loaded.
    const std::shared_ptr<const latent::Workspace>& workspace() const { return workspace_; }
    const latent::WorkspaceIdentity& identity() const { return identity_; }
    // The projection on the map (null before the first one); its point count is the
    // workspace's.
    const std::shared_ptr<const latent::ProjectionResult>& projection() const { return projection_; }
    // One per point (the Colour-by panel's colours).
    const std::vector<QColor>& colours() const { return colours_; }
    // The workspace's latents, sharing its lifetime (for jobs that outlive a new workspace);
    // null before the first workspace.
    std::shared_ptr<const latent::LatentBatch> latents() const {
        return workspace_ ? std::shared_ptr<const latent::LatentBatch>(workspace_, &workspace_->latents) : nullptr;
    }
    // The projection's coordinates, or null.
    const latent::LatentBatch* coordinates() const { return projection_ ? &projection_->coords : nullptr; }
    const CurrentPoint& current() const { return current_; }
    // The selected points; it always has one flag per point of the workspace.
    SelectionModel* selection() const { return selection_; }
    // What the user added to the workspace's items (clusters); a new workspace empties it.
    const latent::Annotations& annotations() const { return annotations_; }

    // A new workspace drops the projection (it belongs to the old points) and empties the
    // selection; the current point stays (a latent is meaningful to the same model).
    void setWorkspace(std::shared_ptr<const latent::Workspace> workspace, latent::WorkspaceIdentity identity);
    // Whether `projection` places the workspace's points (its point count is theirs).
    bool fits(const latent::ProjectionResult& projection) const;
    // Refused (returns false) when it does not fit.
    bool setProjection(std::shared_ptr<const latent::ProjectionResult> projection);
    void setColours(std::vector<QColor> colours);
    void setCurrent(CurrentPoint point);
    // Refused (returns an error message) unless they fit the workspace (checkAnnotations).
    QString setAnnotations(latent::Annotations annotations);

Q_SIGNALS:
    void workspaceChanged();
    void projectionChanged();
    void coloursChanged();
    void currentChanged();
    void annotationsChanged();

private:
    std::shared_ptr<const latent::Workspace> workspace_;
    latent::WorkspaceIdentity identity_;
    std::shared_ptr<const latent::ProjectionResult> projection_;
    std::vector<QColor> colours_;
    CurrentPoint current_;
    SelectionModel* selection_;
    latent::Annotations annotations_;
};

}  // namespace latent::ui
