#include "latent/ui/SessionAutosave.h"

#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>
#include <atomic>

#include "latent/ui/SessionActions.h"

namespace latent::ui {
namespace {

// Several windows of one process each get their own file.
QString recoveryBaseName() {
    static std::atomic<int> windows{0};
    return QStringLiteral("session-%1-%2").arg(QCoreApplication::applicationPid()).arg(++windows);
}

}  // namespace

SessionAutosave::SessionAutosave(SessionActions* sessions, const QString& directory, QObject* parent)
    : QObject(parent), sessions_(sessions) {
    QDir().mkpath(directory);
    const QString base = QDir(directory).filePath(recoveryBaseName());
    path_ = base + ".json";
    lock_ = std::make_unique<QLockFile>(base + ".lock");
    lock_->setStaleLockTime(0);
    if (!lock_->tryLock(0)) lock_.reset();  // unwritable folder: no recovery, nothing else lost
    writer_.setMaxThreadCount(1);
    debounce_.setSingleShot(true);
    debounce_.setInterval(kDebounceMs);
    connect(&debounce_, &QTimer::timeout, this, &SessionAutosave::save);
    connect(sessions_, &SessionActions::changed, &debounce_, qOverload<>(&QTimer::start));
}

SessionAutosave::~SessionAutosave() {
    job_.discard();
    writer_.waitForDone();
    if (lock_) QFile::remove(path_);  // closed normally: nothing to recover
}

QString SessionAutosave::defaultDirectory() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation)).filePath("recovery");
}

void SessionAutosave::save() {
    if (!lock_ || !sessions_->hasWorkspace()) return;
    latent::Session session = sessions_->capture();
    if (lastSaved_ && *lastSaved_ == session) return;
    lastSaved_ = session;
    job_.run(
        [path = path_.toStdString(), session = std::move(session)](const auto& control) {
            if (control.cancelled()) return false;  // a newer save follows
            latent::saveSession(path, session);
            return true;
        },
        [this](JobOutcome<bool> outcome) {
            if (outcome.result && *outcome.result) Q_EMIT saved();
            // A failed save (disk full) keeps the previous recovery file; the next change retries.
            if (!outcome.error.isEmpty()) lastSaved_.reset();
        });
}

}  // namespace latent::ui
