#pragma once

#include <QObject>
#include <QVariantAnimation>

#include "latent/core/LatentBatch.h"

namespace latent::ui {

class ScatterMap;

// Moves the map's points smoothly from where they were drawn to a new layout of the same
// points (PCA to the UMAP computed after it, one preview to the next), so the eye can
// follow each cluster instead of seeing the map jump. The map already holds the new
// layout (picking, frame); this only draws the frames between. Large maps jump:
// redrawing a million points every frame would stall the UI.
class LayoutTransition : public QObject {
    Q_OBJECT
public:
    static constexpr int kDurationMs = 450;
    static constexpr std::size_t kMaxPoints = 200000;

    explicit LayoutTransition(ScatterMap* map, QObject* parent = nullptr);

    // Once the map holds `target`: `from` is what it drew until then.
    void start(latent::LatentBatch from, latent::LatentBatch target);
    // Stops drawing, leaving the points as the map's caller sets them next.
    void cancel();
    bool running() const { return animation_.state() == QAbstractAnimation::Running; }
    const latent::LatentBatch& target() const { return target_; }

private:
    void drawAt(double t);

    ScatterMap* map_;
    QVariantAnimation animation_;
    latent::LatentBatch from_, target_, frame_;
};

}  // namespace latent::ui
