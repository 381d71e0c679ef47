#pragma once

#include <QObject>
#include <QString>
#include <memory>

#include "latent/core/Projector.h"

namespace latent::ui {

class CurrentPointController;
class ExplorerState;
class LayoutPreviewPacer;
class MapHighlights;
class ProjectionPanel;
class ProjectionQualityMeter;
class ProjectionRunner;
class ScatterMap;

// The projections of one explorer: it runs what the Projection panel asks (a cached map at
// once, else computed in the background with its layouts previewed on the map), shows the
// finished map (through the state), measures how faithful it is, and falls back to PCA
// when a method fails on a workspace with no map yet. It follows the state's workspace.
class ProjectionController : public QObject {
    Q_OBJECT
public:
    // The views a projection moves: the map, the panel, the current point and the rings.
    struct Views {
        ScatterMap* map = nullptr;
        ProjectionPanel* panel = nullptr;
        CurrentPointController* current = nullptr;
        MapHighlights* highlights = nullptr;
    };
    ProjectionController(ExplorerState* state, Views views, QObject* parent);

    // Projects the workspace as the panel is set (nothing before a workspace).
    void run();
    void cancel();

Q_SIGNALS:
    void started(const QString& status);
    void progress(double fraction, const QString& message);
    // The map shows a finished projection (`status` says which).
    void shown(const QString& status);
    void failed(const QString& message);
    void cancelled();
    // The title over the map: the method, and how faithful the map is once measured.
    void titleChanged(const QString& title);

private:
    void onWorkspaceChanged();
    void connectRunner();
    void connectQuality();
    void seedCache();
    void showPreview(const latent::LatentBatch& layout);
    void show(std::shared_ptr<const latent::ProjectionResult> result, bool fromCache);
    void endRunWithoutMap();
    void onFailed(const QString& message);
    void onCancelled();
    // The title of the map on show, with its quality once measured.
    QString shownTitle() const;

    ExplorerState* state_;
    Views v_;
    ProjectionRunner* runner_;
    ProjectionQualityMeter* quality_;
    LayoutPreviewPacer* pacer_;
    bool running_ = false;  // a run's previews are on the map: the title says so
    QString qualityBrief_;  // of the map on show; "" until measured
    // The Projection panel's lines about the map on show, put back when a run ends
    // without a map of its own (cancelled, failed).
    QString shownSummary_, shownQuality_;
};

}  // namespace latent::ui
