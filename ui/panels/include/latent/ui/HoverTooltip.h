#pragma once

#include <QFrame>
#include <functional>
#include <memory>

#include "latent/core/Image.h"
#include "latent/core/Workspace.h"

class QLabel;

namespace latent::ui {

class BatchDecoder;
class Inference;
class ScatterMap;

// A small window next to the cursor while it rests on a map point: the point's original
// image, its decoded reconstruction when the workspace has a model (decoded by the map's
// model's inference engine, latest wins, so hovering never blocks the UI or disturbs the
// current point's live decode), its index and class. Hidden when the cursor leaves the
// point or the map, a button is pressed, or the map's points change (dismiss).
class HoverTooltip : public QFrame {
    Q_OBJECT
public:
    // The workspace whose items `map` shows: the explorer's, or a compared model's.
    using WorkspaceSource = std::function<std::shared_ptr<const latent::Workspace>()>;
    HoverTooltip(ScatterMap* map, Inference* inference, WorkspaceSource workspace, QWidget* parent);
    ~HoverTooltip() override;

    qsizetype shownIndex() const { return index_; }  // -1 when hidden
    void dismiss();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void showPoint(qsizetype index);
    void setPicture(QLabel* label, const latent::Image& image);

    ScatterMap* map_;
    WorkspaceSource workspace_;
    BatchDecoder* decoder_;
    QLabel* original_;
    QLabel* decoded_;
    QLabel* caption_;
    qsizetype index_ = -1;
};

}  // namespace latent::ui
