#pragma once

#include <QObject>
#include <QStringList>

class QMainWindow;
class QMenu;

namespace latent::ui {

// The Help menu: the keyboard shortcuts (read from the window's own actions, so the list
// never goes stale) with the mouse controls, the documentation, and About with the versions
// of Qt, VTK and LibTorch.
class HelpMenu : public QObject {
    Q_OBJECT
public:
    HelpMenu(QMainWindow* window, QMenu* menu);

    // "Ctrl+O\tOpen Model…" for every action of the window that has a shortcut, sorted.
    QStringList shortcutRows() const;
    // Qt, VTK and LibTorch with their versions, one per line.
    static QString libraryVersions();

    void showShortcuts() const;
    void showAbout() const;
    void openDocumentation() const;

private:
    QMainWindow* window_;
};

}  // namespace latent::ui
