#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <optional>

#include "latent/core/LatentBatch.h"

class QTimer;

namespace latent::ui {

class VtkOpenGLWidget;

// Paces the layouts a running projection shows on the map so that drawing them takes at
// most a tenth of the UI thread: a new layout is passed on at least 10 map frames' worth
// of time after the last one (and never sooner than 200 ms). Layouts that arrive sooner
// wait, and only the newest is kept. Under Mesa's llvmpipe a frame of 10,000 points took
// about 50 ms while a t-SNE ran, so 5 previews a second kept the UI thread a quarter busy
// and a slider step that met one waited for it.
class LayoutPreviewPacer : public QObject {
    Q_OBJECT
public:
    static constexpr int kMinIntervalMs = 200;
    static constexpr int kFramesPerPreview = 10;

    // `view` tells what a map frame costs.
    explicit LayoutPreviewPacer(const VtkOpenGLWidget* view, QObject* parent = nullptr);

    // A newer layout of the running projection.
    void offer(const latent::LatentBatch& layout);
    // The projection ended: a layout still waiting is dropped.
    void stop();

Q_SIGNALS:
    void due(const latent::LatentBatch& layout);

private:
    int intervalMs() const;
    void release();

    const VtkOpenGLWidget* view_;
    QTimer* timer_;
    QElapsedTimer sinceLast_;
    std::optional<latent::LatentBatch> waiting_;
};

}  // namespace latent::ui
