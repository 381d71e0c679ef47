#pragma once

#include <QObject>
#include <QString>

#include "latent/core/Annotations.h"

class QUndoStack;

namespace latent::ui {

class ExplorerState;

// Every edit of the explorer's annotations (clusters found or renamed, tags put on or taken
// off) as one undoable step: Edit > Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z). A new workspace
// or a restored session starts a new history.
class AnnotationHistory : public QObject {
    Q_OBJECT
public:
    AnnotationHistory(ExplorerState* state, QObject* parent);

    // Makes `after` the state's annotations as a step named `what` ("Tag 12 items 'blurry'");
    // an error message (nothing changes) when they do not fit the workspace, else "".
    QString apply(latent::Annotations after, const QString& what);
    void clear();
    QUndoStack* stack() const { return stack_; }

private:
    ExplorerState* state_;
    QUndoStack* stack_;
};

}  // namespace latent::ui
