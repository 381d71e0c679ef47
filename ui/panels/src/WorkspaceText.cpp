#include "latent/ui/WorkspaceText.h"

#include <QCoreApplication>

#include "latent/ui/ProjectionText.h"

namespace latent::ui {

namespace {
QString tr(const char* text) { return QCoreApplication::translate("WorkspaceText", text); }
}  // namespace

QString loadedSummary(const latent::Workspace& ws) {
    const bool hasModel = ws.hasModel();
    const QString what = ws.sampledFromPrior ? tr("%1 prior samples for").arg(groupedCount(ws.latents.count))
                         : ws.hasImages()    ? tr("%1 images encoded by").arg(groupedCount(ws.dataset.count))
                                             : tr("%1 precomputed %2-d vectors (%3), %4")
                                                .arg(groupedCount(ws.latents.count))
                                                .arg(ws.latents.dim)
                                                .arg(QString::fromStdString(ws.dataFormat))
                                                .arg(hasModel ? tr("decoded by") : tr("shown on"));
    const QString model = hasModel ? QString::fromStdString(ws.model->info().name) : tr("the map (no model)");
    QString skipped;
    if (!ws.skipped.empty()) {
        skipped = tr(" %1 unreadable files skipped (first: %2).")
                      .arg(ws.skipped.size())
                      .arg(QString::fromStdString(ws.skipped.front().reason));
    }
    return tr("%1 %2 in %3 s.%4").arg(what, model).arg(ws.encodeSeconds, 0, 'f', 2).arg(skipped);
}

}  // namespace latent::ui
