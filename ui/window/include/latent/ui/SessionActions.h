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
class CurrentPointController;
class ExplorerState;
class MorphPanel;
class ProjectionPanel;

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
    };
    // What only the window can do: load another workspace, show a projection.
    struct Window {
        std::function<void(const latent::WorkspaceIdentity&)> load;
        std::function<void(const latent::ProjectionParams&)> showProjection;
    };
    SessionActions(Parts parts, Window window, QWidget* dialogParent);

    // Open Session and Save Session, placed before `before` in the File menu.
    void addTo(QMenu* file, QAction* before);

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

Q_SIGNALS:
    void statusMessage(const QString& text);
    void restored();
    // Something a session stores changed (the workspace, map, selection, current point,
    // morph or bookmarks): what capture() returns may differ.
    void changed();

private:
    void apply(const latent::Session& session);

    Parts p_;
    Window window_;
    QWidget* dialogParent_;
    std::optional<latent::Session> pending_;  // applied once its workspace is loaded
};

}  // namespace latent::ui
