#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <optional>

#include "latent/core/Projection.h"
#include "latent/core/Session.h"
#include "latent/core/WorkspaceIdentity.h"

class QAction;
class QMenu;
class QWidget;

namespace latent::ui {

class BookmarksPanel;
class ColourByPanel;
class ComparisonController;
class CurrentPointController;
class ExplorerState;
class MorphPanel;
class ProjectionPanel;
class RecentFiles;
class ScatterMap;

// File > Open/Save Session: what a session file stores about an explorer, and restoring it.
// A session naming another workspace is applied once the window has loaded that workspace;
// a bad file is refused with a message and the current session stays as it is.
class SessionActions : public QObject {
    Q_OBJECT
public:
    // What a session stores and restores.
    struct Parts {
        ExplorerState* state = nullptr;
        ProjectionPanel* projection = nullptr;
        MorphPanel* morph = nullptr;
        CurrentPointController* current = nullptr;
        BookmarksPanel* bookmarks = nullptr;
        ScatterMap* map = nullptr;
        ColourByPanel* colourBy = nullptr;
        ComparisonController* comparison = nullptr;  // the model compared with
    };
    // What only the window can do: load another workspace, show a projection.
    struct Window {
        std::function<void(const latent::WorkspaceIdentity&)> load;
        std::function<void(const latent::ProjectionParams&)> showProjection;
        // The docks' arrangement, as text a session stores.
        std::function<std::string()> saveLayout;
        std::function<void(const std::string&)> restoreLayout;
    };
    SessionActions(Parts parts, Window window, QWidget* dialogParent);

    // Open Session, Open Recent Session and Save Session, placed before `before` in the File menu.
    void addTo(QMenu* file, QAction* before);
    RecentFiles* recentSessions() const { return recent_; }

    bool hasWorkspace() const;  // capture() needs one
    latent::Session capture() const;
    // Both return an error message, or "".
    QString saveTo(const QString& path);
    QString openFrom(const QString& path);

    // The window loaded a workspace (a session waiting for it is applied), or failed to
    // (the session waiting is dropped).
    void workspaceLoaded();
    void loadFailed();
    // A session waits for the workspace being loaded (it brings its own map).
    bool restorePending() const { return pending_.has_value(); }

    // Whether the selection, bookmarks, morph ends or annotations differ from those last saved or
    // restored (nothing made yet is nothing to lose).
    bool hasUnsavedWork() const;
    // Before the window closes: with unsaved work, asks to save it, discard it or stay.
    // True when the window may close.
    bool confirmClose();

Q_SIGNALS:
    void statusMessage(const QString& text);
    void restored();
    // Something a session stores changed (the workspace, map, selection, current point,
    // morph or bookmarks): what capture() returns may differ.
    void changed();

private:
    // What a user builds up and would lose on quitting.
    struct Work {
        std::vector<std::size_t> selection;
        std::vector<latent::Bookmark> bookmarks;
        std::vector<float> morphA, morphB;
        latent::Annotations annotations;
        bool operator==(const Work&) const = default;
    };
    Work work() const;
    void chooseAndOpen();
    void openAndReport(const QString& path);  // a refused file: a warning naming why
    bool chooseAndSave();  // false when the user cancelled or saving failed
    void apply(const latent::Session& session);
    // The session's camera goes on the map once its projection is shown.
    void placePendingCamera();

    Parts p_;
    Window window_;
    QWidget* dialogParent_;
    std::optional<latent::Session> pending_;  // applied once its workspace is loaded
    Work savedWork_;  // as last saved or restored; empty for a new workspace
    RecentFiles* recent_ = nullptr;
    std::optional<latent::MapCamera> pendingCamera_;
    latent::ProjectionParams pendingCameraFor_;
};

}  // namespace latent::ui
