#include "latent/ui/AnnotationHistory.h"

#include <QUndoCommand>
#include <QUndoStack>

#include "latent/ui/ExplorerState.h"

namespace latent::ui {
namespace {

constexpr int kSteps = 100;  // each holds two copies of the annotations: bounded memory

// One edit: both sides are whole annotations, checked to fit before the step is made.
class AnnotationEdit : public QUndoCommand {
public:
    AnnotationEdit(ExplorerState* state, latent::Annotations before, latent::Annotations after, const QString& what)
        : QUndoCommand(what), state_(state), before_(std::move(before)), after_(std::move(after)) {}
    void redo() override { state_->setAnnotations(after_); }
    void undo() override { state_->setAnnotations(before_); }

private:
    ExplorerState* state_;
    latent::Annotations before_;
    latent::Annotations after_;
};

}  // namespace

AnnotationHistory::AnnotationHistory(ExplorerState* state, QObject* parent)
    : QObject(parent), state_(state), stack_(new QUndoStack(this)) {
    stack_->setUndoLimit(kSteps);
    connect(state_, &ExplorerState::workspaceChanged, this, &AnnotationHistory::clear);
}

QString AnnotationHistory::apply(latent::Annotations after, const QString& what) {
    const auto& ws = state_->workspace();
    try {
        latent::checkAnnotations(after, ws ? ws->latents.count : 0);
    } catch (const std::exception& e) {
        return QString::fromStdString(e.what());
    }
    if (after == state_->annotations()) return {};
    stack_->push(new AnnotationEdit(state_, state_->annotations(), std::move(after), what));  // redo() applies it
    return {};
}

void AnnotationHistory::clear() { stack_->clear(); }

}  // namespace latent::ui
