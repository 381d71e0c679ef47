#include "latent/ui/SessionRecovery.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageBox>
#include <QPushButton>

#include "latent/ui/MainWindow.h"
#include "latent/ui/SessionActions.h"

namespace latent::ui {

void OrphanedSession::forget() {
    QFile::remove(path);
    lock.reset();  // unlocking removes the lock file
}

std::optional<OrphanedSession> findOrphanedSession(const QString& directory) {
    std::optional<OrphanedSession> newest;
    const auto files = QDir(directory).entryInfoList({"session-*.json"}, QDir::Files, QDir::Time);
    for (const QFileInfo& file : files) {
        auto lock = std::make_unique<QLockFile>(file.absolutePath() + "/" + file.completeBaseName() + ".lock");
        lock->setStaleLockTime(0);  // only a dead owner makes a lock stale, never its age
        if (!lock->tryLock(0)) continue;  // a running window's file
        OrphanedSession orphan{file.absoluteFilePath(), file.lastModified(), {}, std::move(lock)};
        try {
            orphan.session = latent::loadSession(file.absoluteFilePath().toStdString());
        } catch (const std::exception&) {
            orphan.forget();  // cut short by the crash itself: nothing to offer
            continue;
        }
        if (!newest) {
            newest = std::move(orphan);  // QDir::Time lists the newest first
        } else {
            orphan.forget();  // older than the one offered
        }
    }
    return newest;
}

void restoreOrStartLoading(MainWindow& window, const QString& directory) {
    auto orphan = findOrphanedSession(directory);
    if (!orphan) {
        window.startLoading();
        return;
    }
    auto* box = new QMessageBox(QMessageBox::Question, MainWindow::tr("Restore Session"),
                                MainWindow::tr("Latent Explorer did not close normally. Restore the session saved at %1?")
                                    .arg(QLocale().toString(orphan->savedAt, QLocale::ShortFormat)),
                                QMessageBox::NoButton, &window);
    box->setObjectName("recoveryOffer");
    box->setInformativeText(MainWindow::tr("Model: %1\nData: %2")
                                .arg(QString::fromStdString(orphan->session.workspace.modelPath.filename().string()),
                                     QString::fromStdString(orphan->session.workspace.dataPath.string())));
    auto* restore = box->addButton(MainWindow::tr("Restore"), QMessageBox::AcceptRole);
    box->addButton(MainWindow::tr("Discard"), QMessageBox::RejectRole);
    box->setDefaultButton(restore);
    box->setAttribute(Qt::WA_DeleteOnClose);
    auto shared = std::make_shared<OrphanedSession>(std::move(*orphan));
    QObject::connect(box, &QMessageBox::finished, &window, [&window, box, restore, shared] {
        const bool restoring = box->clickedButton() == restore;
        const QString error = restoring ? window.sessions()->openFrom(shared->path) : QString();
        shared->forget();
        if (!restoring || !error.isEmpty()) window.startLoading();
    });
    box->open();
}

}  // namespace latent::ui
