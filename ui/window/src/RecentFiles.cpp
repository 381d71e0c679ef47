#include "latent/ui/RecentFiles.h"

#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace latent::ui {

RecentFiles::RecentFiles(QString key, QMenu* menu, int maxCount, QObject* parent)
    : QObject(parent), key_(std::move(key)), menu_(menu), maxCount_(maxCount) {
    rebuildMenu();
}

QStringList RecentFiles::files() const {
    QStringList existing;
    for (const QString& f : QSettings().value(key_).toStringList()) {
        if (QFileInfo::exists(f)) existing << f;
    }
    return existing;
}

void RecentFiles::add(const QString& path) {
    const QString absolute = QFileInfo(path).absoluteFilePath();
    QStringList list = files();
    list.removeAll(absolute);
    list.prepend(absolute);
    while (list.size() > maxCount_) list.removeLast();
    QSettings().setValue(key_, list);
    rebuildMenu();
}

void RecentFiles::rebuildMenu() {
    menu_->clear();
    const QStringList list = files();
    for (const QString& f : list) {
        QAction* action = menu_->addAction(QFileInfo(f).fileName());
        action->setToolTip(f);
        action->setStatusTip(f);
        connect(action, &QAction::triggered, this, [this, f] { Q_EMIT chosen(f); });
    }
    menu_->setEnabled(!list.isEmpty());
}

}  // namespace latent::ui
