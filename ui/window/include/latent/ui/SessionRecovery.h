#pragma once

#include <QDateTime>
#include <QLockFile>
#include <QString>
#include <memory>
#include <optional>

#include "latent/core/Session.h"

namespace latent::ui {

class MainWindow;

// A recovery file SessionAutosave left behind when its process died (its lock is stale).
// Holding one keeps other starting processes from offering it too.
struct OrphanedSession {
    QString path;
    QDateTime savedAt;
    latent::Session session;
    std::unique_ptr<QLockFile> lock;  // now ours

    // Removes the file (restored or declined: it is offered once).
    void forget();
};

// The newest orphaned session in `directory`, if any. Unreadable orphans are removed.
std::optional<OrphanedSession> findOrphanedSession(const QString& directory);

// Offers the newest session a crashed Latent Explorer left in `directory` (a window-modal
// box named "recoveryOffer"); Restore opens it in `window`, Discard starts loading the
// window's own workspace, as does the absence of an orphan. Returns at once.
void restoreOrStartLoading(MainWindow& window, const QString& directory);

}  // namespace latent::ui
