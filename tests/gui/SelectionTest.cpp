#include <gtest/gtest.h>

#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <fstream>
#include <string>

#include "../core/TempDir.h"
#include "GuiChecks.h"
#include "ImageChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/SelectionGeometry.h"
#include "latent/ui/ClassPalette.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MapSelectionTool.h"
#include "latent/ui/SelectionController.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SelectionPanel.h"
#include "latent/ui/SessionActions.h"

namespace {

using latent::ui::MapSelectionTool;

class SelectionTest : public WindowFixture {
protected:
    latent::ui::SelectionController& selection() { return *parts(window).selection(); }
    latent::ui::SelectionModel& model() { return *window->state()->selection(); }

    // A left-button drag through `path` (logical pixels of the map view), as a user makes it;
    // returns once the points inside are found (on a pool thread) and selected, unless told
    // not to wait.
    void drag(const std::vector<QPoint>& path, Qt::KeyboardModifiers modifiers = Qt::NoModifier,
              bool wait = true) {
        QSignalSpy selected(selection().tool(), &MapSelectionTool::regionSelected);
        auto* view = parts(window).map()->view();
        QTest::mousePress(view, Qt::LeftButton, modifiers, path.front());
        for (const QPoint& p : path) {
            QMouseEvent move(QEvent::MouseMove, QPointF(p), view->mapToGlobal(QPointF(p)),
                             Qt::NoButton, Qt::LeftButton, modifiers);
            QApplication::sendEvent(view, &move);
        }
        QTest::mouseRelease(view, Qt::LeftButton, modifiers, path.back());
        if (wait) {
            ASSERT_TRUE(selected.count() > 0 || selected.wait(10000));
        }
    }

    // The same outline in the pixels SelectionGeometry works in (device pixels, y up).
    std::vector<latent::ScreenPoint> onScreen(const std::vector<QPoint>& path) const {
        auto* view = parts(window).map()->view();
        const double dpr = view->devicePixelRatioF();
        std::vector<latent::ScreenPoint> out;
        for (const QPoint& p : path) out.push_back({p.x() * dpr, (view->height() - p.y()) * dpr});
        return out;
    }

    const latent::LatentBatch& coords() const { return parts(window).projection()->coords; }

    // A concave outline (a "C" open to the right) around the middle of the view.
    std::vector<QPoint> concaveLasso() const {
        const QRect r = parts(window).map()->view()->rect();
        const int cx = r.center().x(), cy = r.center().y(), w = r.width() / 5, h = r.height() / 5;
        return {{cx + w, cy - h}, {cx - w, cy - h}, {cx - w, cy + h}, {cx + w, cy + h},
                {cx + w, cy + h / 3}, {cx - w / 3, cy + h / 3}, {cx - w / 3, cy - h / 3}, {cx + w, cy - h / 3}};
    }
};

TEST_F(SelectionTest, BoxDragSelectsWhatSelectionGeometrySays) {
    openWindow(2, 1500);
    selection().tool()->setMode(MapSelectionTool::Mode::Box);
    const QRect r = parts(window).map()->view()->rect();
    const QPoint a(r.width() * 3 / 10, r.height() * 3 / 10), b(r.width() * 6 / 10, r.height() * 11 / 20);
    drag({a, (a + b) / 2, b});
    const auto corners = onScreen({a, b});
    const auto expected = latent::selectInRectangle(coords(), parts(window).map()->screenView(), corners[0], corners[1]);
    ASSERT_GT(expected.size(), 20u);
    ASSERT_LT(expected.size(), coords().count);
    EXPECT_EQ(model().indices(), expected);
    EXPECT_EQ(selection().panel()->summary().left(20).toStdString(),
              (std::to_string(expected.size()) + " of 1500 points selected").substr(0, 20));
}

TEST_F(SelectionTest, ConcaveLassoSelectsWhatSelectionGeometrySaysIn2DAnd3D) {
    for (int dims : {2, 3}) {
        openWindow(dims, 1500);
        selection().tool()->setMode(MapSelectionTool::Mode::Lasso);
        const auto lasso = concaveLasso();
        drag(lasso);
        const auto expected = latent::selectInLasso(coords(), parts(window).map()->screenView(), onScreen(lasso));
        ASSERT_GT(expected.size(), 5u) << dims << "-D";
        EXPECT_EQ(model().indices(), expected) << dims << "-D";

        // Shift adds a box to what the lasso took; Ctrl+drag lassos even in Navigate mode.
        selection().tool()->setMode(MapSelectionTool::Mode::Navigate);
        const QRect r = parts(window).map()->view()->rect();
        const std::vector<QPoint> corner{{5, 5}, {r.width() / 4, 5}, {r.width() / 4, r.height() / 4}, {5, r.height() / 4}};
        drag(corner, Qt::ControlModifier);
        const auto cornerPoints = latent::selectInLasso(coords(), parts(window).map()->screenView(), onScreen(corner));
        EXPECT_EQ(model().indices(), cornerPoints) << dims << "-D";
    }
}

// Released where it started (as a user closes a loop), a lasso is still a lasso: it used
// to be taken for a click, which cleared the selection or picked one point.
TEST_F(SelectionTest, ALassoClosedWhereItStartedSelectsWhatItEncloses) {
    openWindow(2, 1500);
    selection().tool()->setMode(MapSelectionTool::Mode::Lasso);
    const QRect r = parts(window).map()->view()->rect();
    const QPoint start(r.width() * 3 / 10, r.height() * 3 / 10);
    const std::vector<QPoint> loop{start, {r.width() * 6 / 10, start.y()},
                                   {r.width() * 6 / 10, r.height() * 6 / 10},
                                   {start.x(), r.height() * 6 / 10}, start + QPoint(1, 1)};
    drag(loop);
    const auto expected = latent::selectInLasso(coords(), parts(window).map()->screenView(), onScreen(loop));
    ASSERT_GT(expected.size(), 20u);
    EXPECT_EQ(model().indices(), expected);
}

TEST_F(SelectionTest, ALaterGestureWinsOverOneStillBeingSearched) {
    openWindow(2, 1500);
    selection().tool()->setMode(MapSelectionTool::Mode::Box);
    const QRect r = parts(window).map()->view()->rect();
    const QPoint a(r.width() / 10, r.height() / 10), b(r.width() * 9 / 10, r.height() * 9 / 10);
    const QPoint c(r.width() * 4 / 10, r.height() * 4 / 10),
        d(r.width() * 6 / 10, r.height() * 6 / 10);
    QSignalSpy selected(selection().tool(), &MapSelectionTool::regionSelected);
    drag({a, b}, Qt::NoModifier, false);  // most of the map, superseded before it is found
    drag({c, d});
    QTest::qWait(300);  // time for the first search to come back, had it counted
    const auto corners = onScreen({c, d});
    const auto expected =
        latent::selectInRectangle(coords(), parts(window).map()->screenView(), corners[0], corners[1]);
    ASSERT_GT(expected.size(), 5u);
    EXPECT_EQ(model().indices(), expected);
    EXPECT_EQ(selected.count(), 1);
}

TEST_F(SelectionTest, ShiftClickTogglesAndAPlainClickInBoxModeSelectsOne) {
    openWindow(2, 1000);
    auto* view = parts(window).map()->view();
    const std::size_t target = mostIsolatedPoint(*parts(window).map());
    const QPoint where = parts(window).map()->viewPositionOf(target);
    QTest::mouseClick(view, Qt::LeftButton, Qt::ShiftModifier, where);
    EXPECT_EQ(model().indices(), std::vector<std::size_t>{target});
    QTest::mouseClick(view, Qt::LeftButton, Qt::ShiftModifier, where);
    EXPECT_EQ(model().count(), 0u);

    selection().tool()->setMode(MapSelectionTool::Mode::Box);
    model().replace({1, 2, 3});
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, where);
    EXPECT_EQ(model().indices(), std::vector<std::size_t>{target});
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), static_cast<qsizetype>(target));
}

TEST_F(SelectionTest, InvertClearAndTheGreyedMap) {
    openWindow(2, 1000);
    const auto buttons = selection().panel()->findChildren<QPushButton*>();
    const auto press = [&](const QString& text) {
        for (auto* b : buttons) {
            if (b->text() == text) QTest::mouseClick(b, Qt::LeftButton);
        }
    };
    model().replace({0, 10, 20});
    press("Invert");
    EXPECT_EQ(model().count(), 997u);
    EXPECT_FALSE(model().contains(10));
    EXPECT_TRUE(model().contains(11));
    press("Invert");
    settle();
    // Three coloured points, every other one grey (but still drawn).
    const QColor grey = latent::ui::deselectedColor();
    EXPECT_GT(test_images::countNear(parts(window).map()->grabMap(), grey, 4), 2000);
    press("Clear");
    EXPECT_EQ(model().count(), 0u);
    settle();
    EXPECT_LT(test_images::countNear(parts(window).map()->grabMap(), grey, 4), 50);
}

TEST_F(SelectionTest, TheSelectionSurvivesASessionAndExportsAsAnIndexList) {
    TempDir dir;
    openWindow(2, 1000);
    const std::vector<std::size_t> chosen{4, 8, 15, 16, 23, 42, 999};
    model().replace(chosen);
    const QString session = QString::fromStdString((dir / "s.json").string());
    ASSERT_EQ(window->sessions()->saveTo(session), QString());
    model().clear();
    ASSERT_EQ(window->sessions()->openFrom(session), QString());
    EXPECT_EQ(model().indices(), chosen);
    EXPECT_EQ(window->sessions()->capture().selection, chosen);

    const QString list = QString::fromStdString((dir / "selection.txt").string());
    ASSERT_EQ(selection().exportIndexListTo(list), QString());
    std::ifstream in(dir / "selection.txt");
    std::vector<std::size_t> read;
    for (std::size_t i = 0; in >> i;) read.push_back(i);
    EXPECT_EQ(read, chosen);
    EXPECT_FALSE(selection().exportIndexListTo(QString::fromStdString((dir / "no/such/dir/x.txt").string())).isEmpty());
}

TEST_F(SelectionTest, TheGridShowsOneThumbnailPerSelectedImageUpToTheCap) {
    openWindow(2, 1000);
    auto* panel = selection().panel();
    model().replace({3, 1, 4, 159, 26, 535, 89});
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel->thumbnailCount() == 7; }, 5000)) << panel->thumbnailCount();
    std::vector<std::size_t> many(600);
    for (std::size_t i = 0; i < many.size(); ++i) many[i] = i;
    model().replace(many);
    EXPECT_TRUE(QTest::qWaitFor(
        [&] { return panel->thumbnailCount() == latent::ui::SelectionPanel::kMaxThumbnails; }, 5000))
        << panel->thumbnailCount();
    QTest::qWait(50);
    EXPECT_EQ(panel->thumbnailCount(), latent::ui::SelectionPanel::kMaxThumbnails);
    EXPECT_TRUE(panel->summary().contains("first 200")) << panel->summary().toStdString();
}

}  // namespace
