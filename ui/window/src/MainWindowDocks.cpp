// MainWindow's docks: where each goes, and how wide the side columns start.
#include <QDockWidget>
#include <QTabBar>
#include <algorithm>

#include "latent/ui/MainWindow.h"

namespace latent::ui {
namespace {

// How wide the tab row of `dock` and the docks tabbed with it must be to show every title
// whole: the window's tab bars shrink their tabs and cut the titles ("Mor…") to fit.
int wholeTitlesWidth(const QMainWindow& window, QDockWidget* dock) {
    QTabBar probe;
    probe.setShape(QTabBar::RoundedSouth);  // where QMainWindow puts the tabs of docks
    probe.setDocumentMode(window.documentMode());
    probe.addTab(dock->windowTitle());
    for (const QDockWidget* other : window.tabifiedDockWidgets(dock)) probe.addTab(other->windowTitle());
    return probe.sizeHint().width();
}

}  // namespace

QDockWidget* MainWindow::addSideDock(const QString& title, const char* name, QWidget* content) {
    auto* dock = new QDockWidget(title, this);
    dock->setObjectName(name);
    dock->setFeatures(QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    dock->setWidget(content);
    addDockWidget(Qt::RightDockWidgetArea, dock);
    return dock;
}

// The side docks start as narrow as their panels and whole tab titles allow; the rest of
// the window is the map's.
void MainWindow::giveTheRoomToTheMap() {
    auto* projection = findChild<QDockWidget*>("projectionDock");
    auto* current = findChild<QDockWidget*>("currentPointDock");
    const int left = std::max(projection->minimumSizeHint().width(),
                              wholeTitlesWidth(*this, findChild<QDockWidget*>("selectedDock")));
    const int right = std::max({current->minimumSizeHint().width(), wholeTitlesWidth(*this, current),
                                wholeTitlesWidth(*this, findChild<QDockWidget*>("legendDock"))});
    resizeDocks({projection, current}, {left, right}, Qt::Horizontal);
}

// Eight tabs in one column cut every title to a letter or two: the tools that act on
// groups of points (selection, directions, bookmarks, outliers) go under the Projection panel.
void MainWindow::moveToolDocksUnderProjection() {
    auto* projectionDock = findChild<QDockWidget*>("projectionDock");
    QDockWidget* first = nullptr;
    for (const char* name : {"selectedDock", "directionsDock", "bookmarksDock", "outliersDock"}) {
        auto* dock = findChild<QDockWidget*>(name);
        if (!dock || !projectionDock) continue;
        addDockWidget(Qt::LeftDockWidgetArea, dock);
        if (first) {
            tabifyDockWidget(first, dock);
        } else {
            splitDockWidget(projectionDock, dock, Qt::Vertical);
            first = dock;
        }
    }
    if (first) first->raise();
}

}  // namespace latent::ui
