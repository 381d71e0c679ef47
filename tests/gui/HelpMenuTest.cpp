// Help -> Keyboard Shortcuts lists what the window's actions really use, and About names
// the libraries the app runs on.
#include <gtest/gtest.h>

#include <QMenuBar>

#include "WindowFixture.h"
#include "latent/ui/HelpMenu.h"

namespace {

class HelpMenuTest : public WindowFixture {};

TEST_F(HelpMenuTest, TheShortcutListComesFromTheActionsThemselves) {
    openWindow(2, 200);
    const auto* help = window->findChild<latent::ui::HelpMenu*>();
    ASSERT_NE(help, nullptr);
    const QStringList rows = help->shortcutRows();
    for (const char* expected : {"R\tReset view", "D\tDensity view", "Ctrl+2\t2D map", "Ctrl+3\t3D map"}) {
        EXPECT_TRUE(rows.contains(QString::fromUtf8(expected))) << expected << " not in: "
                                                                << rows.join(" | ").toStdString();
    }
    EXPECT_TRUE(rows.contains(QKeySequence(QKeySequence::Open).toString(QKeySequence::NativeText) +
                              QString::fromUtf8("\tOpen Model…")))
        << rows.join(" | ").toStdString();
    for (const QString& row : rows) EXPECT_EQ(row.count('\t'), 1) << row.toStdString();

    // A new action with a shortcut shows up: nothing is listed by hand.
    auto* extra = new QAction("Something new", window.get());
    extra->setShortcut(QKeySequence("Ctrl+Shift+Y"));
    window->addAction(extra);
    EXPECT_TRUE(help->shortcutRows().contains("Ctrl+Shift+Y\tSomething new"));
}

TEST_F(HelpMenuTest, AboutNamesQtVtkAndLibTorchWithTheirVersions) {
    const QString versions = latent::ui::HelpMenu::libraryVersions();
    EXPECT_TRUE(versions.contains(QString("Qt ") + qVersion())) << versions.toStdString();
    EXPECT_TRUE(versions.contains("VTK 9.")) << versions.toStdString();
    EXPECT_TRUE(versions.contains("LibTorch 1.13")) << versions.toStdString();
}

}  // namespace
