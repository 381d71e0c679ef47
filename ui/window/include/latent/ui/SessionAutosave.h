#pragma once

#include <QLockFile>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <QTimer>
#include <memory>
#include <optional>

#include "latent/core/Session.h"
#include "latent/ui/LatestJob.h"

namespace latent::ui {

class SessionActions;

// Keeps a window's session in a recovery file while the window lives, so a crash loses at
// most the last second of work. Saves when the session changes (debounced), off the GUI
// thread; the file is locked for the window's lifetime and removed when the window closes
// normally. A file whose lock is stale belonged to a process that died: see
// SessionRecovery.h.
class SessionAutosave : public QObject {
    Q_OBJECT
public:
    static constexpr int kDebounceMs = 1000;

    // `directory` is created when missing. Nothing is saved until the window has a workspace.
    SessionAutosave(SessionActions* sessions, const QString& directory, QObject* parent);
    ~SessionAutosave() override;

    // The folder recovery files go to: the user's data folder (XDG_DATA_HOME).
    static QString defaultDirectory();

    QString path() const { return path_; }

Q_SIGNALS:
    void saved();  // a save reached the disk (tests wait for it)

private:
    void save();

    SessionActions* sessions_;
    QString path_;
    std::unique_ptr<QLockFile> lock_;
    QTimer debounce_;
    std::optional<latent::Session> lastSaved_;
    QThreadPool writer_;  // one thread: saves reach the disk in order
    LatestJob<bool> job_{this, &writer_};
};

}  // namespace latent::ui
