// Tags on the bundled model's items: tagging the selection, the "tags" column of Colour by
// and its search, undo and redo with the keyboard, tag files out and back in, sessions.
#include <gtest/gtest.h>

#include <QAction>
#include <QPushButton>
#include <QTableWidget>
#include <QTest>
#include <QUndoStack>
#include <fstream>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/AnnotationHistory.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ClustersPanel.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/SelectionController.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SessionActions.h"
#include "latent/ui/TagBar.h"
#include "latent/ui/TagsController.h"

namespace {

using Items = std::vector<std::size_t>;

class TagsTest : public WindowFixture {
protected:
    latent::ui::TagBar* bar() const { return parts(window).selection()->tagBar(); }
    const latent::ItemTags& tags() const { return window->state()->annotations().tags; }

    // Selects `items` and clicks Tag (or Untag) with `name` typed in the bar.
    void click(const Items& items, const QString& name, bool untag = false) {
        window->state()->selection()->replace(items);
        bar()->setTagName(name);
        QPushButton* button = nullptr;
        for (auto* b : bar()->findChildren<QPushButton*>()) {
            if (b->text() == (untag ? "Untag" : "Tag")) button = b;
        }
        ASSERT_NE(button, nullptr);
        ASSERT_TRUE(button->isEnabled()) << name.toStdString();
        QTest::mouseClick(button, Qt::LeftButton);
    }
    void keys(int key, Qt::KeyboardModifiers modifiers) {
        QTest::keyClick(window.get(), static_cast<Qt::Key>(key), modifiers);
        QCoreApplication::processEvents();
    }
};

TEST_F(TagsTest, TaggingTheSelectionMakesAColumnAndCtrlZUndoesEachStep) {
    openWindow(2, 1000);
    window->activateWindow();
    ASSERT_TRUE(QTest::qWaitForWindowActive(window.get()));
    click({1, 5, 9}, " blurry ");
    click({5, 20}, "check later");
    click({5}, "blurry", true);
    const latent::ItemTags all = {{"blurry", {1, 9}}, {"check later", {5, 20}}};
    EXPECT_EQ(tags(), all);
    // The status counts the items that changed; an edit that changes none is no step.
    click({1, 2}, "blurry");
    EXPECT_TRUE(parts(window).statusText().startsWith("Tag 1 item 'blurry'")) << parts(window).statusText().toStdString();
    keys(Qt::Key_Z, Qt::ControlModifier);
    click({9}, "blurry");
    EXPECT_EQ(parts(window).statusText(), "The selected items already carry 'blurry'.");
    click({3}, "blurry", true);
    EXPECT_EQ(parts(window).statusText(), "None of the selected items carries 'blurry'.");
    EXPECT_EQ(tags(), all);

    // A "tags" column: coloured by it, tagged items have colours, the rest the grey of none.
    auto* colourBy = parts(window).colourBy();
    ASSERT_TRUE(colourBy->setColumn("tags"));
    EXPECT_NE(window->state()->colours()[1], latent::ui::unlabelledColor());
    EXPECT_EQ(window->state()->colours()[2], latent::ui::noValueColor());
    colourBy->setSearch("later");
    EXPECT_EQ(colourBy->matches(), (Items{5, 20}));
    colourBy->setSearch({});

    // Ctrl+Z undoes one step at a time; Ctrl+Shift+Z redoes it.
    keys(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(tags(), (latent::ItemTags{{"blurry", {1, 5, 9}}, {"check later", {5, 20}}}));
    keys(Qt::Key_Z, Qt::ControlModifier);
    EXPECT_EQ(tags(), (latent::ItemTags{{"blurry", {1, 5, 9}}}));
    EXPECT_EQ(colourBy->column(), "tags");  // the column stays while it exists
    keys(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    keys(Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
    EXPECT_EQ(tags(), all);

    // A bad name changes nothing and says why.
    window->state()->selection()->replace({3});
    EXPECT_TRUE(parts(window).tags()->tagSelection("a;b").contains("cannot hold"));
    EXPECT_EQ(tags(), all);
}

TEST_F(TagsTest, TagFilesGoOutAndComeBackAndABadOneIsRefusedNamingItsLine) {
    TempDir dir;
    openWindow(2, 1000);
    click({1, 9}, "blurry");
    click({9, 999}, "odd, really");
    const latent::ItemTags saved = tags();
    auto* controller = parts(window).tags();
    const QString path = QString::fromStdString((dir / "tags.csv").string());
    ASSERT_EQ(controller->exportTo(path), QString());
    parts(window).annotationHistory()->stack()->setIndex(0);  // undo all
    EXPECT_TRUE(tags().empty());
    ASSERT_EQ(controller->importFrom(path), QString());
    EXPECT_EQ(tags(), saved);

    const auto bad = dir / "bad.csv";
    std::ofstream(bad) << "index,tags\n3,blurry\n1000,late\n";
    const QString error = controller->importFrom(QString::fromStdString(bad.string()));
    EXPECT_TRUE(error.contains("line 3: item 1000 is not in the data, which has 1000 items")) << error.toStdString();
    EXPECT_EQ(tags(), saved);  // nothing of it taken
}

TEST_F(TagsTest, SessionsKeepTagsAndRenamesOfClustersUndoToo) {
    TempDir dir;
    openWindow(2, 1000);
    click({2, 4}, "mislabelled ✓");
    const QString path = QString::fromStdString((dir / "tags.json").string());
    ASSERT_EQ(window->sessions()->saveTo(path), QString());
    parts(window).annotationHistory()->stack()->undo();
    EXPECT_TRUE(tags().empty());
    EXPECT_TRUE(window->sessions()->hasUnsavedWork());
    ASSERT_EQ(window->sessions()->openFrom(path), QString());
    EXPECT_EQ(tags(), (latent::ItemTags{{"mislabelled ✓", {2, 4}}}));

    // Finding clusters and renaming one are steps too.
    auto* clusters = parts(window).clusters();
    Q_EMIT clusters->findRequested(latent::ClusterSettings{});
    ASSERT_TRUE(QTest::qWaitFor([&] { return clusters->table()->rowCount() > 0 && !clusters->running(); }, 60000));
    const std::string first = window->state()->annotations().clusters->names[0];
    clusters->table()->item(0, latent::ui::ClustersPanel::NameColumn)->setText("renamed");
    EXPECT_EQ(window->state()->annotations().clusters->names[0], "renamed");
    auto* stack = parts(window).annotationHistory()->stack();
    stack->undo();
    EXPECT_EQ(window->state()->annotations().clusters->names[0], first);
    EXPECT_EQ(clusters->table()->item(0, latent::ui::ClustersPanel::NameColumn)->text().toStdString(), first);
    stack->undo();
    EXPECT_FALSE(window->state()->annotations().clusters.has_value());
    EXPECT_EQ(tags(), (latent::ItemTags{{"mislabelled ✓", {2, 4}}}));  // the session's tags stay
}

}  // namespace
