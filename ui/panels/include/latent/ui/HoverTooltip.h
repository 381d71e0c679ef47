#pragma once

#include <QFrame>
#include <memory>

#include "latent/core/Image.h"
#include "latent/core/Workspace.h"

class QLabel;

namespace latent::ui {

class BatchDecoder;
class ExplorerState;
class Inference;
class ScatterMap;

// A small window next to the cursor while it rests on a map point: the point's original
// image, its decoded reconstruction when the workspace has a model (decoded by the
// window's inference engine, latest wins, so hovering never blocks the UI or disturbs the
// current point's live decode), its index and class. Hidden when the cursor leaves the point or the map, or a button is
// pressed.
class HoverTooltip : public QFrame {
    Q_OBJECT
public:
    // Shows the points of `state`'s workspace (a new one dismisses the tooltip).
    HoverTooltip(ScatterMap* map, Inference* inference, const ExplorerState* state, QWidget* parent);
    ~HoverTooltip() override;

    qsizetype shownIndex() const { return index_; }  // -1 when hidden

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPoint(qsizetype index);
    void dismiss();
    void setPicture(QLabel* label, const latent::Image& image);

    ScatterMap* map_;
    const ExplorerState* state_;
    BatchDecoder* decoder_;
    QLabel* original_;
    QLabel* decoded_;
    QLabel* caption_;
    qsizetype index_ = -1;
};

}  // namespace latent::ui
