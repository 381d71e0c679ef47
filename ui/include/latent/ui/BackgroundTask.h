#pragma once

#include <QObject>
#include <QString>
#include <functional>

namespace latent::ui {

// Runs `work` on a pool thread, then calls `done` on `context`'s thread with "" or the
// error message of the exception `work` threw. If `context` is destroyed first, `done`
// is never called.
void runInBackground(QObject* context, std::function<void()> work, std::function<void(const QString&)> done);

}  // namespace latent::ui
