#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <limits>

#include "DecodeChecks.h"
#include "WindowFixture.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ImagePanel.h"

namespace {

using latent::ui::MainWindow;

// The point whose nearest on-screen neighbour is farthest away: a click there can only
// mean this point.
std::size_t mostIsolatedPoint(const latent::ui::ScatterMap& map) {
    const std::size_t n = map.pointCount();
    std::vector<QPoint> pos(n);
    for (std::size_t i = 0; i < n; ++i) pos[i] = map.viewPositionOf(i);
    const QSize size = map.size();
    std::size_t best = 0;
    double bestGap = -1.0;
    for (std::size_t i = 0; i < n; i += 7) {  // a sample keeps this fast
        if (pos[i].x() < 20 || pos[i].y() < 20 || pos[i].x() > size.width() - 20 ||
            pos[i].y() > size.height() - 20) {
            continue;
        }
        double gap = std::numeric_limits<double>::max();
        for (std::size_t j = 0; j < n && gap > bestGap; ++j) {
            if (j != i) gap = std::min(gap, std::hypot(pos[i].x() - pos[j].x(), pos[i].y() - pos[j].y()));
        }
        if (gap > bestGap) {
            bestGap = gap;
            best = i;
        }
    }
    return best;
}

class MainWindowTest : public WindowFixture {};

TEST_F(MainWindowTest, OpensOnTheBundledModelWithEveryTestImagePlotted) {
    openWindow();
    const auto* ws = window->workspace();
    ASSERT_NE(ws, nullptr);
    EXPECT_EQ(ws->dataset.count, 10000u);
    EXPECT_EQ(window->map()->pointCount(), 10000u);
    EXPECT_EQ(window->map()->dimensions(), 2);
    EXPECT_EQ(window->legend()->rowCount(), 10);
}

TEST_F(MainWindowTest, ClickOnAPointShowsItsIndexAndCoreDecodeOfItsLatent) {
    openWindow();
    const auto* ws = window->workspace();
    const std::size_t target = mostIsolatedPoint(*window->map());
    const QPoint where = window->map()->viewPositionOf(target);
    ASSERT_EQ(window->map()->pointAt(where), target);

    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(window->map()->view(), Qt::LeftButton, Qt::NoModifier, where);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(window->imagePanel()->currentIndex(), static_cast<qsizetype>(target));
    EXPECT_TRUE(window->imagePanel()->title().contains(QString::number(target)));
    EXPECT_TRUE(window->imagePanel()->title().contains(
        QString::fromStdString(ws->dataset.className(target))));
    const auto z = ws->latents.row(target);
    expectSameImage(window->imagePanel()->decodedImage(), coreDecode(*ws, {z.begin(), z.end()}));
}

TEST_F(MainWindowTest, ClickOnEmptySpaceDecodesTheExactPcaInverse) {
    openWindow();
    const auto* ws = window->workspace();
    auto* map = window->map();
    const QPoint corner(12, 12);  // the map is framed with a margin: nothing plotted here
    ASSERT_FALSE(map->pointAt(corner).has_value());
    const QVector3D world = map->worldAt(corner);

    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(map->view(), Qt::LeftButton, Qt::NoModifier, corner);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(window->imagePanel()->currentIndex(), -1);
    EXPECT_TRUE(window->imagePanel()->title().contains("Generated"));
    const auto z = ws->pca2.inverse(std::vector<float>{world.x(), world.y()});
    expectSameImage(window->imagePanel()->decodedImage(), coreDecode(*ws, z));
    // Projecting the decoded latent back lands where the user clicked.
    const auto back = ws->pca2.transform(z);
    EXPECT_NEAR(back[0], world.x(), 1e-3);
    EXPECT_NEAR(back[1], world.y(), 1e-3);
}

TEST_F(MainWindowTest, ThreeDimensionalMapPicksPointsToo) {
    openWindow(2, 2000);
    window->setDimensions(3);
    settle();
    EXPECT_EQ(window->map()->dimensions(), 3);
    const std::size_t target = mostIsolatedPoint(*window->map());
    const QPoint where = window->map()->viewPositionOf(target);
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(window->map()->view(), Qt::LeftButton, Qt::NoModifier, where);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(window->imagePanel()->currentIndex(), static_cast<qsizetype>(target));
}

TEST_F(MainWindowTest, DraggingPansTheMapInsteadOfPicking) {
    openWindow(2, 2000);
    auto* view = window->map()->view();
    const QPoint from = view->rect().center();
    const QPoint before = window->map()->viewPositionOf(0);
    QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 10; ++step) {
        QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(6 * step, 3 * step)),
                         view->mapToGlobal(QPointF(from + QPoint(6 * step, 3 * step))), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view, &move);
    }
    QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, from + QPoint(60, 30));
    settle();
    const QPoint after = window->map()->viewPositionOf(0);
    EXPECT_NEAR(after.x() - before.x(), 60, 3);
    EXPECT_NEAR(after.y() - before.y(), 30, 3);
    EXPECT_EQ(window->imagePanel()->currentIndex(), -1);
    EXPECT_FALSE(window->imagePanel()->hasDecoded());
}

}  // namespace
