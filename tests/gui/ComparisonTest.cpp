// File > Compare With Model: a second model's map beside the first, aligned and linked.
#include <gtest/gtest.h>

#include <QAction>
#include <QTabBar>
#include <QFileInfo>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>
#include <filesystem>

#include "../core/TempDir.h"
#include "ComparisonFixture.h"
#include "latent/core/SelectionGeometry.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/HoverTooltip.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SessionActions.h"

namespace {

// The tab in front of the window's dock tab group that holds `tab`.
QString frontTabBeside(const QWidget& window, const QString& tab) {
    for (auto* bar : window.findChildren<QTabBar*>()) {
        for (int i = 0; i < bar->count(); ++i) {
            if (bar->tabText(i) == tab) return bar->tabText(bar->currentIndex());
        }
    }
    return {};
}

TEST_F(ComparisonTest, TheSameModelLandsOnTheFirstMapAndAnotherModelDoesNot) {
    openWindow(2, 1000);
    const auto& first = parts(window).projection()->coords;
    // The Compare tab waits behind the current point until a comparison opens.
    EXPECT_EQ(frontTabBeside(*window, "Compare"), QString("Current point"));

    compareWith(LATENT_DEFAULT_MODEL);
    ASSERT_TRUE(comparison().isOpen());
    EXPECT_EQ(frontTabBeside(*window, "Compare"), QString("Compare"));
    EXPECT_LT(comparison().otherMap().alignment.error, 1e-5);
    ASSERT_EQ(second().pointCount(), 1000u);
    for (const std::size_t i : {0u, 500u, 999u}) {
        EXPECT_NEAR(second().positionOf(i).x(), first.row(i)[0], 1e-3);
        EXPECT_NEAR(second().positionOf(i).y(), first.row(i)[1], 1e-3);
    }
    ASSERT_TRUE(comparison().agreement());
    EXPECT_EQ(comparison().agreement()->mean, 1.0);
    const QString itself = "agreement with " + QFileInfo(LATENT_DEFAULT_MODEL).fileName() + " (again)";
    EXPECT_EQ(parts(window).colourBy()->column(), itself);  // coloured by it at once

    compareWith(fixture("mlp_vae.pt"));
    const double error = comparison().otherMap().alignment.error;
    RecordProperty("other_model_error", std::to_string(error));
    EXPECT_GT(error, 0.5);
    EXPECT_LT(comparison().agreement()->mean, 0.3);
    EXPECT_EQ(parts(window).colourBy()->column(), QString("agreement with mlp_vae.pt"));
    EXPECT_FALSE(parts(window).colourBy()->columnNames().contains(itself));
    EXPECT_TRUE(panel().summary().contains("mean")) << panel().summary().toStdString();
    EXPECT_TRUE(second().isVisible());

    // Closing takes the map and the column away; the first map stays.
    trigger("Close Co&mparison");
    EXPECT_FALSE(comparison().isOpen());
    EXPECT_FALSE(second().isVisible());
    EXPECT_FALSE(parts(window).colourBy()->columnNames().contains("agreement with mlp_vae.pt"));
    EXPECT_EQ(parts(window).map()->pointCount(), 1000u);
}

TEST_F(ComparisonTest, SelectionHoverAndTheCurrentItemAreTheSameItemsOnBothMaps) {
    openWindow(2, 1000);
    compareWith(fixture("mlp_vae.pt"));
    auto& selection = *window->state()->selection();

    // A box drawn on the second map selects exactly what lies inside it there.
    trigger("Box select");
    auto* view = second().view();
    const QRect r = view->rect();
    const QPoint a(r.width() * 2 / 10, r.height() * 2 / 10), b(r.width() * 6 / 10, r.height() * 6 / 10);
    QSignalSpy changed(&selection, &latent::ui::SelectionModel::changed);
    QTest::mousePress(view, Qt::LeftButton, Qt::NoModifier, a);
    for (const QPoint& p : {(a + b) / 2, b}) {
        QMouseEvent move(QEvent::MouseMove, QPointF(p), view->mapToGlobal(QPointF(p)), Qt::NoButton, Qt::LeftButton,
                         Qt::NoModifier);
        QApplication::sendEvent(view, &move);
    }
    QTest::mouseRelease(view, Qt::LeftButton, Qt::NoModifier, b);
    ASSERT_TRUE(changed.count() > 0 || changed.wait(10000));
    const double dpr = view->devicePixelRatioF();
    const auto expected = latent::selectInRectangle(comparison().otherMap().coords, second().screenView(),
                                                    {a.x() * dpr, (view->height() - a.y()) * dpr},
                                                    {b.x() * dpr, (view->height() - b.y()) * dpr});
    ASSERT_GT(expected.size(), 10u);
    ASSERT_LT(expected.size(), 1000u);
    EXPECT_EQ(selection.indices(), expected);

    // An item hovered on the second map is ringed on the first, and its tooltip shows the
    // second model's reconstruction.
    const std::size_t hovered = expected.front();
    Q_EMIT second().pointHovered(static_cast<qsizetype>(hovered));
    const auto rings = parts(window).highlightedPoints();
    ASSERT_FALSE(rings.empty());
    EXPECT_EQ(rings.front(), hovered);
    auto* tooltip = window->findChild<latent::ui::HoverTooltip*>("comparedMapTooltip");
    ASSERT_NE(tooltip, nullptr);
    EXPECT_EQ(tooltip->shownIndex(), static_cast<qsizetype>(hovered));
    QSignalSpy decodedOnHover(tooltip->findChild<latent::ui::BatchDecoder*>(), &latent::ui::BatchDecoder::decoded);
    Q_EMIT second().pointHovered(static_cast<qsizetype>(hovered));  // again, now that it is watched
    ASSERT_TRUE(decodedOnHover.wait(30000));
    const auto other = comparison().other();
    const auto want = other->model->decode(latent::rowsOf(other->latents, {hovered}));
    EXPECT_EQ(decodedOnHover.takeFirst().at(0).value<std::vector<latent::Image>>().front().pixels, want.front().pixels);

    // A click on an item of the second map makes it the current point of both.
    trigger("Navigate");
    const std::size_t item = expected.back();
    QSignalSpy decoded(comparison().otherInference(), &latent::ui::Inference::decoded);
    QTest::mouseClick(view, Qt::LeftButton, Qt::NoModifier, second().viewPositionOf(item));
    ASSERT_EQ(window->state()->current().index, std::optional<std::size_t>(item));
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), static_cast<qsizetype>(item));
    ASSERT_TRUE(second().marker());
    EXPECT_EQ(*second().marker(), second().positionOf(item));
    // The Compare dock shows its original and both models' reconstructions.
    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(30000));
    EXPECT_TRUE(QTest::qWaitFor([&] { return panel().hasPicture(ComparisonPanel::Side::First); }, 30000));
    EXPECT_TRUE(panel().hasPicture(ComparisonPanel::Side::Second));
    EXPECT_TRUE(panel().itemCaption().contains(QString("#%1").arg(item))) << panel().itemCaption().toStdString();
}

TEST_F(ComparisonTest, AModelThatCannotEncodeTheItemsIsRefusedAndTheMapStays) {
    openWindow(2, 300);
    for (const char* model : {"gan_rgb64.pt", "truncated.pt"}) {
        QSignalSpy failed(&comparison(), &ComparisonController::failed);
        window->compareWith(fixture(model));
        ASSERT_TRUE(failed.wait(60000)) << model;
        EXPECT_FALSE(comparison().isOpen()) << model;
        EXPECT_FALSE(second().isVisible()) << model;
        EXPECT_TRUE(panel().status().startsWith("Could not compare")) << panel().status().toStdString();
        EXPECT_EQ(parts(window).map()->pointCount(), 300u) << model;
    }
}

TEST_F(ComparisonTest, ASessionKeepsTheComparedModel) {
    openWindow(2, 500);
    compareWith(fixture("mlp_vae.pt"));
    window->setColourColumn("label");
    TempDir dir;
    const QString path = QString::fromStdString((dir / "compared.session.json").string());
    ASSERT_EQ(window->sessions()->saveTo(path), QString());
    EXPECT_EQ(window->sessions()->capture().comparedModel, fixture("mlp_vae.pt").toStdString());

    trigger("Close Co&mparison");
    ASSERT_FALSE(comparison().isOpen());
    EXPECT_TRUE(window->sessions()->capture().comparedModel.empty());

    QSignalSpy shown(&comparison(), &ComparisonController::shown);
    ASSERT_EQ(window->sessions()->openFrom(path), QString());
    ASSERT_TRUE(shown.count() > 0 || shown.wait(60000));
    EXPECT_TRUE(comparison().isOpen());
    EXPECT_EQ(comparison().source(), fixture("mlp_vae.pt"));
    EXPECT_EQ(second().pointCount(), 500u);
    EXPECT_EQ(parts(window).colourBy()->column(), QString("label"));  // the session's, not the agreement
    EXPECT_TRUE(parts(window).colourBy()->columnNames().contains("agreement with mlp_vae.pt"));
}

}  // namespace
