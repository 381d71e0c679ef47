#include <gtest/gtest.h>

#include <QApplication>
#include <QLabel>
#include <QMouseEvent>
#include <QTest>

#include "GuiChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/HoverTooltip.h"

namespace {

class HoverTooltipTest : public WindowFixture {};

// Processes events until `done` holds or `ms` pass.
template <typename Predicate>
bool waitUntil(Predicate done, int ms) {
    for (int waited = 0; !done() && waited < ms; waited += 20) QTest::qWait(20);
    return done();
}

TEST_F(HoverTooltipTest, RestingOnAPointShowsItsImagesIndexAndClassThenLeavingHidesIt) {
    openWindow(2, 2000);
    auto* tooltip = window->findChild<latent::ui::HoverTooltip*>("mapTooltip");
    ASSERT_NE(tooltip, nullptr);
    ASSERT_TRUE(waitUntil([&] { return parts(window).map()->pickIndexReady(); }, 4000));
    const std::size_t target = mostIsolatedPoint(*parts(window).map());
    const QPoint where = parts(window).map()->viewPositionOf(target);
    QTest::mouseMove(parts(window).map()->view(), where);
    ASSERT_TRUE(waitUntil([&] { return tooltip->shownIndex() == static_cast<qsizetype>(target); }, 5000));
    EXPECT_TRUE(tooltip->isVisible());
    const auto pictureCount = [&] {
        int n = 0;
        for (const QLabel* label : tooltip->findChildren<QLabel*>()) n += label->pixmap().isNull() ? 0 : 1;
        return n;
    };
    QStringList captions;
    for (const QLabel* label : tooltip->findChildren<QLabel*>()) captions << label->text();
    const std::string className = parts(window).workspace()->dataset.className(target);
    EXPECT_TRUE(captions.join(' ').contains(QString("#%1").arg(target)));
    EXPECT_TRUE(captions.join(' ').contains(QString::fromStdString(className)));
    EXPECT_GE(pictureCount(), 1);  // the original at once; the decoded one follows
    EXPECT_TRUE(waitUntil([&] { return pictureCount() == 2; }, 5000));
    QTest::mouseMove(parts(window).map()->view(), where + QPoint(0, 400));
    EXPECT_TRUE(waitUntil([&] { return !tooltip->isVisible(); }, 5000));
}

TEST_F(HoverTooltipTest, ANewMapHidesTheTooltipOfAPointThatMoved) {
    openWindow(2, 2000);
    auto* tooltip = window->findChild<latent::ui::HoverTooltip*>("mapTooltip");
    ASSERT_NE(tooltip, nullptr);
    ASSERT_TRUE(waitUntil([&] { return parts(window).map()->pickIndexReady(); }, 4000));
    const std::size_t target = mostIsolatedPoint(*parts(window).map());
    // A move event straight to the view: QTest::mouseMove warps the Xvfb cursor, and after
    // the previous test's window the view got no move events from that here.
    auto* view = parts(window).map()->view();
    const QPoint where = parts(window).map()->viewPositionOf(target);
    QMouseEvent move(QEvent::MouseMove, where, view->mapToGlobal(where), Qt::NoButton, Qt::NoButton,
                     Qt::NoModifier);
    QApplication::sendEvent(view, &move);
    ASSERT_TRUE(
        waitUntil([&] { return tooltip->shownIndex() == static_cast<qsizetype>(target); }, 5000));
    window->setDimensions(3);  // the point is now somewhere else
    EXPECT_FALSE(tooltip->isVisible());
    EXPECT_EQ(tooltip->shownIndex(), -1);
}

}  // namespace
