#include "latent/ui/BackgroundTask.h"

#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>

namespace latent::ui {

void runInBackground(QObject* context, std::function<void()> work, std::function<void(const QString&)> done) {
    auto* watcher = new QFutureWatcher<QString>(context);
    QObject::connect(watcher, &QFutureWatcher<QString>::finished, context, [watcher, done = std::move(done)] {
        watcher->deleteLater();
        done(watcher->result());
    });
    watcher->setFuture(QtConcurrent::run([work = std::move(work)]() -> QString {
        try {
            work();
        } catch (const std::exception& e) {
            return QString::fromStdString(e.what());
        }
        return {};
    }));
}

}  // namespace latent::ui
