#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <cmath>
#include <limits>

#include "GuiChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ColourBar.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MapDensityLayer.h"

namespace {

using latent::ui::MainWindow;

class MainWindowTest : public WindowFixture {};

TEST_F(MainWindowTest, OpensOnTheBundledModelWithEveryTestImagePlotted) {
    openWindow();
    const auto* ws = parts(window).workspace();
    ASSERT_NE(ws, nullptr);
    EXPECT_EQ(ws->dataset.count, 10000u);
    EXPECT_EQ(parts(window).map()->pointCount(), 10000u);
    EXPECT_EQ(parts(window).map()->dimensions(), 2);
    EXPECT_EQ(parts(window).legend()->rowCount(), 10);
}

TEST_F(MainWindowTest, ClickOnAPointShowsItsIndexAndCoreDecodeOfItsLatent) {
    openWindow();
    const auto* ws = parts(window).workspace();
    const std::size_t target = mostIsolatedPoint(*parts(window).map());
    const QPoint where = parts(window).map()->viewPositionOf(target);
    ASSERT_EQ(parts(window).map()->pointAt(where), target);

    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(parts(window).map()->view(), Qt::LeftButton, Qt::NoModifier, where);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), static_cast<qsizetype>(target));
    EXPECT_TRUE(parts(window).imagePanel()->title().contains(QString::number(target)));
    EXPECT_TRUE(parts(window).imagePanel()->title().contains(
        QString::fromStdString(ws->dataset.className(target))));
    const auto z = ws->latents.row(target);
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*ws, {z.begin(), z.end()}));
}

TEST_F(MainWindowTest, ClickOnEmptySpaceDecodesTheExactPcaInverse) {
    openWindow();
    const auto* ws = parts(window).workspace();
    auto* map = parts(window).map();
    const QPoint corner(12, 12);  // the map is framed with a margin: nothing plotted here
    ASSERT_FALSE(map->pointAt(corner).has_value());
    const QVector3D world = map->worldAt(corner);

    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(map->view(), Qt::LeftButton, Qt::NoModifier, corner);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), -1);
    EXPECT_TRUE(parts(window).imagePanel()->title().contains("Generated"));
    const auto z = ws->pca2.inverse(std::vector<float>{world.x(), world.y()});
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*ws, z));
    // Projecting the decoded latent back lands where the user clicked.
    const auto back = ws->pca2.transform(z);
    EXPECT_NEAR(back[0], world.x(), 1e-3);
    EXPECT_NEAR(back[1], world.y(), 1e-3);
}

TEST_F(MainWindowTest, ThreeDimensionalMapPicksPointsToo) {
    openWindow(2, 2000);
    window->setDimensions(3);
    settle();
    EXPECT_EQ(parts(window).map()->dimensions(), 3);
    const std::size_t target = mostIsolatedPoint(*parts(window).map());
    const QPoint where = parts(window).map()->viewPositionOf(target);
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(parts(window).map()->view(), Qt::LeftButton, Qt::NoModifier, where);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), static_cast<qsizetype>(target));
}

TEST_F(MainWindowTest, DraggingPansTheMapInsteadOfPicking) {
    openWindow(2, 2000);
    auto* view = parts(window).map()->view();
    const QPoint from = view->rect().center();
    const QPoint before = parts(window).map()->viewPositionOf(0);
    QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, from);
    for (int step = 1; step <= 10; ++step) {
        QMouseEvent move(QEvent::MouseMove, QPointF(from + QPoint(6 * step, 3 * step)),
                         view->mapToGlobal(QPointF(from + QPoint(6 * step, 3 * step))), Qt::NoButton,
                         Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(view, &move);
    }
    QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, from + QPoint(60, 30));
    settle();
    const QPoint after = parts(window).map()->viewPositionOf(0);
    EXPECT_NEAR(after.x() - before.x(), 60, 3);
    EXPECT_NEAR(after.y() - before.y(), 30, 3);
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), -1);
    EXPECT_FALSE(parts(window).imagePanel()->hasDecoded());
}

// Within the few units a painted gradient rounds to.
void expectNearColour(QColor got, QColor want) {
    EXPECT_NEAR(got.red(), want.red(), 6)
        << got.name().toStdString() << " vs " << want.name().toStdString();
    EXPECT_NEAR(got.green(), want.green(), 6)
        << got.name().toStdString() << " vs " << want.name().toStdString();
    EXPECT_NEAR(got.blue(), want.blue(), 6)
        << got.name().toStdString() << " vs " << want.name().toStdString();
}

TEST_F(MainWindowTest, DensityViewShowsItsCountKeyInPlaceOfTheClassLegend) {
    openWindow(2, 2000);
    auto* colours = parts(window).colourBy();
    auto* key = colours->densityKey();
    EXPECT_FALSE(key->isVisibleTo(colours));
    EXPECT_TRUE(parts(window).legend()->isVisibleTo(colours));

    window->setDensityView(true);
    parts(window).densityLayer()->refresh();
    const std::uint32_t maxCount = parts(window).densityLayer()->grid().maxCount;
    ASSERT_GT(maxCount, 1u);
    EXPECT_TRUE(key->isVisibleTo(colours));
    EXPECT_FALSE(parts(window).legend()->isVisibleTo(colours));
    EXPECT_EQ(key->minText(), "1");
    EXPECT_EQ(key->maxText(), QString::number(maxCount));
    // The key's ends are the colours of a one-point cell and of the most crowded one.
    key->resize(300, key->sizeHint().height());
    const QImage shown = key->grab().toImage();
    expectNearColour(shown.pixelColor(6, 10), latent::ui::densityColour(1, maxCount));
    expectNearColour(shown.pixelColor(shown.width() - 7, 10),
                     latent::ui::densityColour(maxCount, maxCount));

    // A 3D map keeps its points, so the class legend comes back; so it does when the view is off.
    window->setDimensions(3);
    settle();
    EXPECT_FALSE(key->isVisibleTo(colours));
    EXPECT_TRUE(parts(window).legend()->isVisibleTo(colours));
    window->setDimensions(2);
    settle();
    parts(window).densityLayer()->refresh();
    EXPECT_TRUE(key->isVisibleTo(colours));
    window->setDensityView(false);
    EXPECT_FALSE(key->isVisibleTo(colours));
    EXPECT_TRUE(parts(window).legend()->isVisibleTo(colours));
}

}  // namespace
