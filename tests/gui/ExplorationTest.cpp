#include <gtest/gtest.h>

#include <QComboBox>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <QToolButton>
#include <algorithm>

#include "GuiChecks.h"
#include "ImageChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/DimensionStats.h"
#include "latent/core/Interpolation.h"
#include "latent/core/Projector.h"
#include "latent/ui/DimensionSlider.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/TraversalPanel.h"

namespace {

using latent::ui::MainWindow;

class ExplorationTest : public WindowFixture {
protected:
    // Clicks the map on a well-separated point and waits for its reconstruction.
    std::size_t clickPoint(std::size_t skip) {
        const std::size_t target = mostIsolatedPoint(*parts(window).map(), skip);
        QSignalSpy shown(window.get(), &MainWindow::decodedShown);
        QTest::mouseClick(parts(window).map()->view(), Qt::LeftButton, Qt::NoModifier,
                          parts(window).map()->viewPositionOf(target));
        EXPECT_TRUE(shown.wait(10000));
        EXPECT_EQ(parts(window).imagePanel()->currentIndex(), static_cast<qsizetype>(target));
        return target;
    }

    void pressMorphButton(const QString& text) {
        for (auto* button : parts(window).morph()->findChildren<QPushButton*>()) {
            if (button->text() == text) {
                QTest::mouseClick(button, Qt::LeftButton);
                return;
            }
        }
        FAIL() << "no button " << text.toStdString();
    }

    std::vector<float> latentOf(std::size_t index) const {
        const auto row = parts(window).workspace()->latents.row(index);
        return {row.begin(), row.end()};
    }
};

TEST_F(ExplorationTest, ScrubbingTheMorphShowsCoreDecodeAtT) {
    openWindow(2, 3000);
    const std::size_t a = clickPoint(0);
    pressMorphButton("Set A");
    const std::size_t b = clickPoint(3);
    ASSERT_NE(a, b);
    pressMorphButton("Set B");
    ASSERT_TRUE(parts(window).morph()->isReady());

    for (int mode : {0, 1}) {
        parts(window).morph()->modeChooser()->setCurrentIndex(mode);
        for (int step : {350, 820}) {
            QSignalSpy shown(window.get(), &MainWindow::decodedShown);
            parts(window).morph()->scrubSlider()->setValue(step);
            ASSERT_TRUE(shown.wait(10000));
            QTest::qWait(50);  // a later frame of the same request would replace this one
            const double t = static_cast<double>(step) / latent::ui::MorphPanel::kScrubSteps;
            const auto expected = latent::interpolate(
                latentOf(a), latentOf(b), t,
                mode == 1 ? latent::InterpolationMode::Spherical : latent::InterpolationMode::Linear);
            EXPECT_EQ(parts(window).currentLatent(), expected);
            expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*parts(window).workspace(), expected));
        }
    }
}

TEST_F(ExplorationTest, DraggingATraversalSliderDecodesTheEditedLatent) {
    openWindow(2, 3000);
    const std::size_t target = clickPoint(0);
    const std::vector<float> origin = latentOf(target);
    ASSERT_TRUE(parts(window).traversal()->isEnabled());
    auto* slider = parts(window).traversal()->sliderFor(5);
    ASSERT_NE(slider, nullptr);
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    slider->slider()->setValue(900);
    ASSERT_TRUE(shown.wait(10000));
    auto expected = origin;
    expected[5] = static_cast<float>(slider->valueAtStep(900));
    EXPECT_EQ(parts(window).currentLatent(), expected);
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*parts(window).workspace(), expected));
    // The marker follows the edited latent on the map.
    EXPECT_NE(parts(window).imagePanel()->title(), QString());
}

// Steps given faster than they decode: only the last one is shown, and the marker moves to
// its place on the map with it (painted over the map, which is not rendered again for it).
TEST_F(ExplorationTest, RapidTraversalStepsEndOnTheLastLatentWithTheMarkerThere) {
    openWindow(2, 3000);
    const std::size_t target = clickPoint(0);
    const auto& ws = *parts(window).workspace();
    const auto dim = latent::rankDimensions(latent::summariseDimensions(ws.latents, &ws.logvars)).front();
    auto* slider = parts(window).traversal()->sliderFor(dim);
    ASSERT_NE(slider, nullptr);
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    for (int step = 100; step <= 900; step += 50) slider->slider()->setValue(step);
    ASSERT_TRUE(shown.wait(10000));
    QTest::qWait(50);
    auto expected = latentOf(target);
    expected[dim] = static_cast<float>(slider->valueAtStep(900));
    EXPECT_EQ(parts(window).currentLatent(), expected);
    expectSameImage(parts(window).imagePanel()->decodedImage(),
                    coreDecode(*parts(window).workspace(), expected));

    const auto place = parts(window).projection()->place(expected);
    const auto marker = parts(window).map()->marker();
    ASSERT_TRUE(place.has_value());
    ASSERT_TRUE(marker.has_value());
    EXPECT_FLOAT_EQ(marker->x(), (*place)[0]);
    EXPECT_FLOAT_EQ(marker->y(), (*place)[1]);
    const QImage frame = parts(window).map()->grabMap();
    const QPoint at = parts(window).map()->viewPositionAt(*marker);
    const double dpr = frame.devicePixelRatio();
    const QRgb centre = frame.pixel(static_cast<int>(at.x() * dpr), static_cast<int>(at.y() * dpr));
    if (!test_images::near(centre, QColor(255, 200, 0), 60)) {
        const QString saved = test_images::saveForInspection(frame, "rapid-steps-marker");
        ADD_FAILURE() << "no marker at the last latent (saved " << saved.toStdString() << ")";
    }
}

// The bundled model is a VAE: the app ranks its dimensions by their KL to the prior (the
// "active units" test), which orders them differently from the variance of the means.
TEST_F(ExplorationTest, TraversalListsTheDimensionsByTheirKlToThePrior) {
    openWindow(2, 3000);
    const auto& ws = *parts(window).workspace();
    ASSERT_EQ(ws.logvars.count, ws.latents.count);
    const auto byKl = latent::rankDimensions(latent::summariseDimensions(ws.latents, &ws.logvars));
    const auto byVariance = latent::rankDimensions(latent::summariseDimensions(ws.latents));
    ASSERT_NE(byKl, byVariance) << "this model cannot tell the two rankings apart";
    std::vector<std::size_t> shown;
    for (const auto* slider : parts(window).traversal()->findChildren<latent::ui::DimensionSlider*>()) {
        shown.push_back(slider->dimension());
    }
    EXPECT_EQ(shown, byKl);
}

TEST_F(ExplorationTest, NeighboursOfAPointMatchBruteForceAndClickingOneSelectsIt) {
    openWindow(2, 3000);
    const std::size_t target = clickPoint(0);
    const auto& found = parts(window).neighbours()->neighbours();
    ASSERT_EQ(found.size(), 12u);
    // Brute force over the latents (3,000 points: the index is exact below 4,096).
    const auto& z = parts(window).workspace()->latents;
    std::vector<std::pair<double, std::size_t>> all;
    for (std::size_t i = 0; i < z.count; ++i) {
        if (i == target) continue;
        double d = 0.0;
        for (std::size_t j = 0; j < z.dim; ++j) d += std::pow(z.row(i)[j] - z.row(target)[j], 2);
        all.emplace_back(d, i);
    }
    std::sort(all.begin(), all.end());
    for (std::size_t m = 0; m < found.size(); ++m) EXPECT_EQ(found[m].index, all[m].second);

    auto buttons = parts(window).neighbours()->findChildren<QToolButton*>();
    ASSERT_EQ(buttons.size(), 12);
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    QTest::mouseClick(buttons.front(), Qt::LeftButton);
    ASSERT_TRUE(shown.wait(10000));
    EXPECT_EQ(parts(window).imagePanel()->currentIndex(), static_cast<qsizetype>(all[0].second));
}

}  // namespace
