#include "latent/ui/HelpMenu.h"

#include <QAction>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QTableWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "latent/core/Model.h"
#include "latent/ui/MapLibraryVersion.h"

namespace latent::ui {
namespace {

const char* kMouseControls = QT_TRANSLATE_NOOP(
    "latent::ui::HelpMenu",
    "<b>Mouse</b><br>"
    "2-D map: left drag pans; the wheel zooms about the cursor; right drag zooms.<br>"
    "3-D map: left drag rotates; Shift+left or middle drag pans; the wheel zooms.<br>"
    "Click a point to show its image; click empty space to decode it.<br>"
    "Ctrl+drag draws a lasso; Shift+click adds a point to the selection.");

// The documentation: installed beside the program (<prefix>/share/doc/latent-explorer), or
// the source tree's docs/ above a build folder.
QString documentationFolder() {
    QDir dir(QCoreApplication::applicationDirPath());
    for (int up = 0; up < 4; ++up) {
        for (const QString& candidate : {QStringLiteral("share/doc/latent-explorer"), QStringLiteral("docs")}) {
            if (QFileInfo::exists(dir.filePath(candidate))) return dir.filePath(candidate);
        }
        if (!dir.cdUp()) break;
    }
    return {};
}

}  // namespace

HelpMenu::HelpMenu(QMainWindow* window, QMenu* menu) : QObject(window), window_(window) {
    menu->addAction(tr("&Keyboard Shortcuts…"), QKeySequence::HelpContents, this, &HelpMenu::showShortcuts);
    menu->addAction(tr("&Documentation"), this, &HelpMenu::openDocumentation);
    menu->addSeparator();
    menu->addAction(tr("&About Latent Explorer"), this, &HelpMenu::showAbout);
}

QStringList HelpMenu::shortcutRows() const {
    QStringList rows;
    for (const QAction* action : window_->findChildren<QAction*>()) {
        if (action->shortcut().isEmpty() || action->text().isEmpty()) continue;
        const QString row = action->shortcut().toString(QKeySequence::NativeText) + '\t' +
                            QString(action->text()).remove('&');
        if (!rows.contains(row)) rows << row;
    }
    rows.sort(Qt::CaseInsensitive);
    return rows;
}

QString HelpMenu::libraryVersions() {
    return tr("Qt %1\nVTK %2\nLibTorch %3 (loaded when a model opens)")
        .arg(QString::fromLatin1(qVersion()), mapLibraryVersion(),
             QString::fromLatin1(latent::modelRuntimeVersion()));
}

void HelpMenu::showShortcuts() const {
    QDialog dialog(window_);
    dialog.setWindowTitle(tr("Keyboard Shortcuts"));
    auto* layout = new QVBoxLayout(&dialog);
    const QStringList rows = shortcutRows();
    auto* table = new QTableWidget(static_cast<int>(rows.size()), 2, &dialog);
    table->setHorizontalHeaderLabels({tr("Keys"), tr("Action")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    for (int r = 0; r < rows.size(); ++r) {
        const QStringList cells = rows[r].split('\t');
        for (int c = 0; c < 2; ++c) table->setItem(r, c, new QTableWidgetItem(cells.value(c)));
    }
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(table);
    auto* mouse = new QLabel(tr(kMouseControls), &dialog);
    mouse->setWordWrap(true);
    layout->addWidget(mouse);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(buttons);
    dialog.resize(520, 560);
    dialog.exec();
}

void HelpMenu::showAbout() const {
    QMessageBox::about(window_, tr("About Latent Explorer"),
                       tr("<b>Latent Explorer %1</b><p>See what a trained generative model learned: "
                          "maps of its latent space, images decoded wherever you click.</p><p>%2</p>")
                           .arg(QCoreApplication::applicationVersion(),
                                libraryVersions().toHtmlEscaped().replace('\n', "<br>")));
}

void HelpMenu::openDocumentation() const {
    const QString folder = documentationFolder();
    if (folder.isEmpty() || !QDesktopServices::openUrl(QUrl::fromLocalFile(folder))) {
        QMessageBox::information(window_, tr("Documentation"),
                                 tr("The documentation was not found beside the program. It is in the "
                                    "docs/ folder of Latent Explorer's sources."));
    }
}

}  // namespace latent::ui
