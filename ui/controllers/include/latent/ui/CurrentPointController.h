#pragma once

#include <QObject>
#include <QString>
#include <QVector3D>
#include <memory>
#include <optional>
#include <vector>

#include "latent/core/NearestImage.h"
#include "latent/core/Projector.h"
#include "latent/core/Session.h"
#include "latent/core/Workspace.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

class AttributePanel;
class BatchDecoder;
class BookmarksPanel;
class ExplorerState;
class ImagePanel;
class Inference;
class MorphPanel;
class NeighboursPanel;
class ScatterMap;
class TraversalPanel;

// The widgets that show or edit the current point; the main window owns them.
struct ExplorationWidgets {
    ScatterMap* map = nullptr;
    ImagePanel* panel = nullptr;
    Inference* inference = nullptr;
    BatchDecoder* stripDecoder = nullptr;
    TraversalPanel* traversal = nullptr;
    MorphPanel* morph = nullptr;
    NeighboursPanel* neighbours = nullptr;
    AttributePanel* attributes = nullptr;
    BookmarksPanel* bookmarks = nullptr;
};

// Chooses the state's current point (a clicked item, a decoded spot of the map, a slider
// edit, a morph frame, a bookmark) and shows it: the map's marker, the image panel (with
// its decoded image, a VAE's uncertainty about an item, a generated image's nearest
// dataset image), the sliders, the neighbours and the live decode.
class CurrentPointController : public QObject {
    Q_OBJECT
public:
    // Follows `state`: its workspace and the projection on its map.
    CurrentPointController(const ExplorationWidgets& widgets, ExplorerState* state, QObject* parent = nullptr);

    // The map shows the state's projection again (a new one, or the last one back after
    // previews): the current point and its neighbours go back on it.
    void mapShowsProjection();
    // The finished projection on the map (null while none, or while a layout is in progress).
    std::shared_ptr<const latent::ProjectionResult> projection() const;
    // The map shows a layout in progress: dataset items are marked where it puts them, and
    // other latents (which only the finished projection can place) are not marked.
    void setLayoutPreview();

    // Dataset item `index`, as a click on it selects it (ignored when out of range).
    void selectItem(qsizetype index);
    // The latent decoded from an empty spot of the map.
    void selectPosition(QVector3D world);
    // Makes `latent` the current point: decodes it, marks it on the map, and (unless it
    // came from the sliders) moves the traversal sliders to it.
    void setCurrent(const std::vector<float>& latent, const QString& label, bool fromSliders);

    // "#12 · Sneaker" for dataset item 12.
    QString labelFor(std::size_t index) const;
    // Where `latent` lands on the map when the projection can place it (never on a preview).
    std::optional<QVector3D> placeOnMap(const std::vector<float>& latent) const;

    // The traversal-grid dialog for the current point (dimensions, steps, ranges chosen there).
    void openTraversalGrid();

Q_SIGNALS:
    void statusMessage(const QString& message);
    // The map shows a new projection (the current point is already back on it).
    void mapRebuilt();

private:
    void onWorkspaceChanged();
    void connectPanels();
    void connectAttributesAndBookmarks();
    void goToBookmark(const latent::Bookmark& bookmark);
    void markCurrentPoint();
    void showAroundCurrentPoint();
    void showDecodedExtras();

    ExplorationWidgets w_;
    ExplorerState* state_;
    bool layoutPreview_ = false;
    quint64 pendingRequest_ = 0;  // the decode whose image the marker and neighbours wait for
    LatestJob<std::optional<latent::ImageMatch>> nearestSearch_;  // of the generated image shown
};

}  // namespace latent::ui
