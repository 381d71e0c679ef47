// MainWindow's comparison with a second model: its map beside the first, its dock and menu items.
#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenu>
#include <QSplitter>
#include <QVBoxLayout>

#include "latent/ui/ComparisonController.h"
#include "latent/ui/ComparisonPanel.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ElidedLabel.h"
#include "latent/ui/HoverTooltip.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/MapHighlights.h"
#include "latent/ui/RunExporter.h"
#include "latent/ui/RunTimeline.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/SelectionController.h"

namespace latent::ui {

void MainWindow::connectComparison(QDockWidget* tabWith) {
    auto* pane = new QWidget(maps_);
    auto* column = new QVBoxLayout(pane);
    column->setContentsMargins(6, 6, 6, 6);
    auto* title = new ElidedLabel({}, pane);
    title->setFont(mapTitle_->font());
    title->setContentsMargins(4, 2, 4, 2);
    column->addWidget(title);
    auto* map = new ScatterMap(pane);
    column->addWidget(map, 1);
    maps_->addWidget(pane);

    auto* panel = new ComparisonPanel(this);
    tabifyDockWidget(tabWith, addSideDock(tr("Compare"), "compareDock", panel));
    tabWith->raise();  // the current point first; compareWith brings the Compare tab forward
    comparison_ = new ComparisonController({state_, map_, highlights_, map, new MapHighlights(map, neighbours_, colourBy_, state_, this),
                                            title, pane, panel, colourBy_, inference_},
                                           this);
    selection_->linkMap(map, [c = comparison_] { return c->isOpen() ? &c->otherMap().coords : nullptr; });
    connect(comparison_, &ComparisonController::itemChosen, current_, &CurrentPointController::selectItem);
    // The second map's items, decoded by their own model (the checkpoint on show).
    auto* tooltip = new HoverTooltip(map, comparison_->otherInference(), [c = comparison_] { return c->other(); }, this);
    tooltip->setObjectName("comparedMapTooltip");
    connect(comparison_, &ComparisonController::stepShown, tooltip, &HoverTooltip::dismiss);
    connect(comparison_, &ComparisonController::shown, tooltip, &HoverTooltip::dismiss);
    connect(comparison_, &ComparisonController::closed, tooltip, &HoverTooltip::dismiss);
    connect(comparison_, &ComparisonController::statusMessage, status_, &ElidedLabel::setText);
    // Side by side, or one above the other when the maps' room is taller than wide (the
    // side docks are open): each map gets the larger half.
    connect(comparison_, &ComparisonController::shown, this, [this] {
        maps_->setOrientation(maps_->height() > maps_->width() ? Qt::Vertical : Qt::Horizontal);
        const int length = maps_->orientation() == Qt::Horizontal ? maps_->width() : maps_->height();
        maps_->setSizes({length / 2, length / 2});
    });
    connect(panel, &ComparisonPanel::compareRequested, this, &MainWindow::chooseComparisonModel);
    auto* exporter = new RunExporter(comparison_, map, pane, this, this);
    connect(panel->timeline(), &RunTimeline::exportRequested, exporter, &RunExporter::chooseFile);
    connect(exporter, &RunExporter::statusMessage, status_, &ElidedLabel::setText);
    connect(exporter, &RunExporter::busy, panel->timeline(), [timeline = panel->timeline()](bool exporting) {
        timeline->setEnabled(!exporting);
    });

    auto* compare = new QAction(tr("Compare With &Model…"), this);
    compare->setToolTip(tr("Open a second model on these images: its map beside this one, linked and aligned"));
    connect(compare, &QAction::triggered, this, &MainWindow::chooseComparisonModel);
    auto* close = new QAction(tr("Close Co&mparison"), this);
    close->setEnabled(false);
    connect(close, &QAction::triggered, comparison_, &ComparisonController::close);
    connect(comparison_, &ComparisonController::shown, close, [close] { close->setEnabled(true); });
    connect(comparison_, &ComparisonController::closed, close, [close] { close->setEnabled(false); });
    auto* checkpoints = new QAction(tr("Open &Checkpoints…"), this);
    checkpoints->setToolTip(tr("Open a folder of one training run's checkpoints: each one's map beside this one, "
                               "on a timeline"));
    connect(checkpoints, &QAction::triggered, this, [this] {
        const QString folder = QFileDialog::getExistingDirectory(this, tr("Open Checkpoints"), modelFolder());
        if (!folder.isEmpty()) compareWith(folder);
    });
    fileMenu_->insertActions(sessionsGoBefore_, {compare, checkpoints, close});
}

void MainWindow::chooseComparisonModel() {
    const QString path = askForModelFile(tr("Compare With Model"));
    if (!path.isEmpty()) compareWith(path);
}

void MainWindow::compareWith(const QString& source) {
    findChild<QDockWidget*>("compareDock")->raise();
    comparison_->open(source);
}

}  // namespace latent::ui
