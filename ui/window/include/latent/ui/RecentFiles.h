#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QMenu;

namespace latent::ui {

// The most recently opened files of one kind (models, sessions), kept in QSettings under `key` and listed in a
// menu; choosing an entry emits chosen(). Files that no longer exist are skipped.
class RecentFiles : public QObject {
    Q_OBJECT
public:
    RecentFiles(QString key, QMenu* menu, int maxCount = 8, QObject* parent = nullptr);

    void add(const QString& path);
    QStringList files() const;

Q_SIGNALS:
    void chosen(const QString& path);

private:
    void rebuildMenu();

    QString key_;
    QMenu* menu_;
    int maxCount_;
};

}  // namespace latent::ui
