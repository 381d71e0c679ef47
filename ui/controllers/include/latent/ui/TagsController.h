#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace latent::ui {

class AnnotationHistory;
class ExplorerState;
class TagBar;

// Tags the selection from the tag bar (each edit one undoable step), keeps the bar's list
// of tags current, and exports and imports tag files.
class TagsController : public QObject {
    Q_OBJECT
public:
    TagsController(ExplorerState* state, AnnotationHistory* history, TagBar* bar, QWidget* dialogParent);

    // Each returns an error message, or "".
    QString tagSelection(const QString& name);
    QString untagSelection(const QString& name);
    QString exportTo(const QString& path);
    // Adds the file's tags to the items' (one undoable step); nothing when it is refused.
    QString importFrom(const QString& path);
    // File > Export > Tags and File > Import Tags: ask for a file, then do it.
    void chooseExport();
    void chooseImport();

Q_SIGNALS:
    void statusMessage(const QString& text);

private:
    QString edit(const QString& name, bool add);
    void offerTags();

    ExplorerState* state_;
    AnnotationHistory* history_;
    TagBar* bar_;
    QWidget* dialogParent_;
};

}  // namespace latent::ui
