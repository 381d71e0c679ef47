// MainWindow's annotations: clusters and tags, their undo history (the Edit menu), and
// their columns in Colour by.
#include <QMenu>
#include <QUndoStack>

#include "latent/core/Annotations.h"
#include "latent/ui/AnnotationHistory.h"
#include "latent/ui/ClustersController.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ElidedLabel.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/SelectionController.h"
#include "latent/ui/SessionActions.h"
#include "latent/ui/TagsController.h"

namespace latent::ui {

void MainWindow::connectAnnotations() {
    history_ = new AnnotationHistory(state_, this);
    auto* undo = history_->stack()->createUndoAction(this, tr("&Undo"));
    undo->setShortcut(QKeySequence::Undo);
    auto* redo = history_->stack()->createRedoAction(this, tr("&Redo"));
    redo->setShortcut(QKeySequence(tr("Ctrl+Shift+Z")));
    editMenu_->addActions({undo, redo});

    clustersController_ = new ClustersController({state_, history_, clusters_, colourBy_, inference_, current_}, this);
    connect(clustersController_, &ClustersController::statusMessage, status_, &ElidedLabel::setText);
    tags_ = new TagsController(state_, history_, selection_->tagBar(), this);
    connect(tags_, &TagsController::statusMessage, status_, &ElidedLabel::setText);
    auto* importTags = new QAction(tr("Import &Tags…"), this);
    connect(importTags, &QAction::triggered, tags_, &TagsController::chooseImport);
    fileMenu_->insertAction(sessionsGoBefore_, importTags);
    exportMenu_->addAction(tr("Tags (CSV)…"), tags_, &TagsController::chooseExport);
    connect(state_, &ExplorerState::annotationsChanged, colourBy_, [this] {
        const auto& ws = state_->workspace();
        if (!ws) return;
        colourBy_->setAnnotations(latent::annotationColumns(state_->annotations(), ws->latents.count, ws->metadata));
    });
}

}  // namespace latent::ui
