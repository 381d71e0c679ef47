// The exploration tools around the current point: the morph's path on the map and its
// ends chosen by index or class, attribute directions, bookmarks and the traversal grid.
#include <gtest/gtest.h>

#include <QAction>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>
#include <QSlider>
#include <QSpinBox>
#include <QTest>
#include <filesystem>

#include "../core/TempDir.h"
#include "GuiChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/core/AttributeVector.h"
#include "latent/core/Interpolation.h"
#include "latent/core/Traversal.h"
#include "latent/ui/AttributePanel.h"
#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/DimensionSlider.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MorphController.h"
#include "latent/ui/MorphEndpointPicker.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/SelectionController.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/TraversalGridDialog.h"
#include "latent/ui/TraversalPanel.h"
#include "latent/ui/SessionActions.h"

namespace {

using latent::ui::MainWindow;

class ExplorationToolsTest : public WindowFixture {
protected:
    std::vector<float> latentOf(std::size_t index) const {
        const auto row = parts(window).workspace()->latents.row(index);
        return {row.begin(), row.end()};
    }

    std::vector<std::size_t> membersOf(int label) const {
        std::vector<std::size_t> members;
        const auto& labels = parts(window).workspace()->dataset.labels;
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (labels[i] == label) members.push_back(i);
        }
        return members;
    }

    // Runs `change` and waits until the image it asks for is shown.
    void waitForDecode(const std::function<void()>& change) {
        QSignalSpy shown(window.get(), &MainWindow::decodedShown);
        change();
        ASSERT_TRUE(shown.wait(10000));
        QTest::qWait(50);  // a newer image of the same change would replace this one
    }

    latent::ui::MorphEndpointPicker* picker() const { return parts(window).morph()->endpointPicker(); }
};

TEST_F(ExplorationToolsTest, EndsByIndexSetTheMorphAndItsPathIsThePlacedInterpolation) {
    openWindow(2, 3000);  // the map opens with PCA, which places any latent
    picker()->indexBox()->setValue(10);
    ASSERT_EQ(picker()->chooseByIndex(true), 10u);
    picker()->indexBox()->setValue(2000);
    ASSERT_EQ(picker()->chooseByIndex(false), 2000u);
    parts(window).morph()->modeChooser()->setCurrentIndex(1);  // slerp: a curved path

    const auto state = parts(window).morph()->state();
    ASSERT_TRUE(state.has_value());
    EXPECT_EQ(state->aIndex, 10u);
    EXPECT_EQ(state->bIndex, 2000u);
    EXPECT_EQ(state->a, latentOf(10));
    EXPECT_EQ(state->b, latentOf(2000));

    const auto& path = parts(window).map()->path();
    const auto expected = latent::interpolationPath(latentOf(10), latentOf(2000),
                                                    latent::ui::MorphController::kPathSamples,
                                                    latent::InterpolationMode::Spherical);
    ASSERT_EQ(path.size(), expected.count);
    for (std::size_t i = 0; i < expected.count; ++i) {
        const auto at = parts(window).projection()->place(expected.row(i));
        ASSERT_TRUE(at.has_value());
        EXPECT_FLOAT_EQ(path[i].x(), (*at)[0]) << "sample " << i;
        EXPECT_FLOAT_EQ(path[i].y(), (*at)[1]) << "sample " << i;
    }
    // A and B sit on their own plotted points.
    EXPECT_NEAR(path.front().x(), parts(window).map()->positionOf(10).x(), 1e-3);
    EXPECT_NEAR(path.back().y(), parts(window).map()->positionOf(2000).y(), 1e-3);
}

TEST_F(ExplorationToolsTest,
       OnUmapAndTsneMapsThePathIsPlacedOffTheUiThreadAndTheMorphPanelSaysHow) {
    openWindow(2, 500);
    picker()->indexBox()->setValue(10);
    ASSERT_EQ(picker()->chooseByIndex(true), 10u);
    picker()->indexBox()->setValue(200);
    ASSERT_EQ(picker()->chooseByIndex(false), 200u);
    EXPECT_EQ(parts(window).map()->path().size(), latent::ui::MorphController::kPathSamples);
    EXPECT_EQ(parts(window).morph()->pathNote(), QString());
    auto* controller = window->findChild<latent::ui::MorphController*>();
    ASSERT_NE(controller, nullptr);

    for (auto method : {latent::ProjectionMethod::Umap, latent::ProjectionMethod::Tsne}) {
        const std::string name = latent::toString(method);
        QSignalSpy shown(window.get(), &MainWindow::projectionShown);
        QSignalSpy placed(controller, &latent::ui::MorphController::pathPlaced);
        latent::ProjectionParams params;
        params.method = method;
        params.iterations = 200;
        window->setProjection(params);
        ASSERT_TRUE(shown.wait(60000)) << name;
        ASSERT_TRUE(placed.count() > 0 || placed.wait(30000)) << name;
        EXPECT_TRUE(parts(window).morph()->pathNote().contains(
            method == latent::ProjectionMethod::Umap ? "transform" : "no transform"))
            << name;

        // The frames where core places them, between the ends pinned on A's and B's points.
        const auto& path = parts(window).map()->path();
        const auto frames = latent::interpolationPath(latentOf(10), latentOf(200),
                                                      latent::ui::MorphController::kPathSamples,
                                                      latent::InterpolationMode::Linear);
        const auto expected = parts(window).projection()->placeAll(frames);
        ASSERT_EQ(path.size(), expected.count) << name;
        EXPECT_EQ(path.front(), parts(window).map()->positionOf(10)) << name;
        EXPECT_EQ(path.back(), parts(window).map()->positionOf(200)) << name;
        double offLine = 0.0;  // how far the path strays from the straight segment A-B
        const QVector3D a = path.front(), ab = path.back() - path.front();
        for (std::size_t i = 1; i + 1 < expected.count; ++i) {
            EXPECT_FLOAT_EQ(path[i].x(), expected.row(i)[0]) << name << " frame " << i;
            EXPECT_FLOAT_EQ(path[i].y(), expected.row(i)[1]) << name << " frame " << i;
            offLine = std::max(offLine,
                               double((path[i] - a).distanceToLine(QVector3D(), ab.normalized())));
        }
        EXPECT_GT(offLine, 0.05 * ab.length()) << name << ": the path is just the segment A-B";
    }
}

TEST_F(ExplorationToolsTest, RandomFromAClassPicksAMemberOfThatClass) {
    openWindow(2, 3000);
    const int sneaker = 7;
    picker()->classBox()->setCurrentIndex(sneaker);
    for (int draw = 0; draw < 5; ++draw) {
        const auto chosen = picker()->chooseRandom(draw % 2 == 0);
        ASSERT_TRUE(chosen.has_value());
        EXPECT_EQ(parts(window).workspace()->dataset.labels[*chosen], sneaker);
        const auto state = parts(window).morph()->state();
        if (!state) continue;  // B is not set until the second draw
        EXPECT_EQ(draw % 2 == 0 ? state->aIndex : state->bIndex, chosen);
        EXPECT_EQ(draw % 2 == 0 ? state->a : state->b, latentOf(*chosen));
    }
}

TEST_F(ExplorationToolsTest, TheAttributeSliderDecodesThePointMovedAlongCoreDirection) {
    openWindow(2, 3000);
    waitForDecode([&] { window->selectItem(5); });
    auto* panel = parts(window).attributes();
    panel->groupChooser(true)->setCurrentIndex(7);   // Sneaker ...
    panel->groupChooser(false)->setCurrentIndex(9);  // ... to Ankle boot
    ASSERT_TRUE(panel->attribute().has_value());
    const auto direction = latent::attributeVector(parts(window).workspace()->latents, membersOf(7), membersOf(9));
    EXPECT_EQ(panel->attribute()->direction, direction.direction);

    for (int step : {150, -60}) {
        waitForDecode([&] { panel->amountSlider()->setValue(step); });
        const auto expected = latent::applyAttribute(latentOf(5), direction, panel->amountAt(step));
        EXPECT_EQ(parts(window).currentLatent(), expected);
        expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*parts(window).workspace(), expected));
    }
}

TEST_F(ExplorationToolsTest, TheMapSelectionIsADirectionGroupBesideTheClasses) {
    openWindow(2, 1000);
    auto* panel = parts(window).attributes();
    auto* from = panel->groupChooser(true);
    const std::vector<std::size_t> picked = {3, 10, 17, 42, 99, 250, 511};
    window->state()->selection()->replace(picked);
    const int item = from->findText("Map selection (7)");
    ASSERT_GE(item, 0);
    from->setCurrentIndex(item);
    panel->groupChooser(false)->setCurrentIndex(9);  // Ankle boot
    ASSERT_TRUE(panel->attribute().has_value());
    const auto& latents = parts(window).workspace()->latents;
    EXPECT_EQ(panel->attribute()->direction,
              latent::attributeVector(latents, picked, membersOf(9)).direction);

    // A new selection: A stays on it, with its new members.
    const std::vector<std::size_t> others = {1, 2, 5, 8};
    window->state()->selection()->replace(others);
    EXPECT_EQ(from->currentText(), "Map selection (4)");
    ASSERT_TRUE(panel->attribute().has_value());
    EXPECT_EQ(panel->attribute()->direction,
              latent::attributeVector(latents, others, membersOf(9)).direction);
    window->state()->selection()->clear();
    EXPECT_EQ(from->findText("Map selection", Qt::MatchStartsWith), -1);
}

TEST_F(ExplorationToolsTest, BookmarksRoundTripThroughASessionFileAndGoBackThere) {
    TempDir dir;
    const QString path = QString::fromStdString((dir / "bookmarks.json").string());
    openWindow(2, 1000);
    auto* bookmarks = parts(window).bookmarks();
    QSignalSpy thumbnails(bookmarks, &latent::ui::BookmarksPanel::thumbnailsShown);
    window->selectItem(42);
    bookmarks->nameEdit()->setText("a shirt");
    QTest::keyClick(bookmarks->nameEdit(), Qt::Key_Return);
    auto generated = latentOf(7);
    for (float& v : generated) v *= 0.5f;
    bookmarks->add({"half of #7", generated, std::nullopt});
    bookmarks->rename(1, "halfway to the origin");
    ASSERT_EQ(bookmarks->bookmarks().size(), 2u);
    EXPECT_EQ(bookmarks->bookmarks()[0].name, "a shirt");
    EXPECT_EQ(bookmarks->bookmarks()[0].datasetIndex, 42u);
    EXPECT_EQ(bookmarks->bookmarks()[0].latent, latentOf(42));
    if (thumbnails.count() == 0) {
        ASSERT_TRUE(thumbnails.wait(10000));
    }
    EXPECT_FALSE(bookmarks->list()->item(0)->icon().isNull());
    const auto saved = bookmarks->bookmarks();
    ASSERT_EQ(window->sessions()->saveTo(path), QString());

    auto first = std::move(window);
    openWindow(2, 1000);
    QSignalSpy restored(window->sessions(), &latent::ui::SessionActions::restored);
    ASSERT_EQ(window->sessions()->openFrom(path), QString());
    if (restored.count() == 0) {
        ASSERT_TRUE(restored.wait(60000));
    }
    EXPECT_EQ(parts(window).bookmarks()->bookmarks(), saved);
    EXPECT_EQ(parts(window).bookmarks()->list()->item(1)->text(), "halfway to the origin");

    auto* list = parts(window).bookmarks()->list();
    window->findChild<QDockWidget*>("bookmarksDock")->raise();  // its tab comes to the front
    QTest::qWait(50);
    waitForDecode([&] {
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(list->item(1)).center());
    });
    EXPECT_EQ(parts(window).currentLatent(), generated);
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*parts(window).workspace(), generated));
    parts(window).bookmarks()->remove(0);
    EXPECT_EQ(window->sessions()->capture().bookmarks.size(), 1u);
}

TEST_F(ExplorationToolsTest, TraversalFromThePriorAndItsGridDecodeAsCoreDoes) {
    TempDir dir;
    openWindow(2, 1000);
    waitForDecode([&] { window->selectItem(3); });
    auto* traversal = parts(window).traversal();
    traversal->rangeChooser()->setCurrentIndex(1);
    EXPECT_DOUBLE_EQ(traversal->sliderFor(0)->valueAtStep(0), -3.0);
    EXPECT_DOUBLE_EQ(traversal->sliderFor(0)->valueAtStep(latent::ui::DimensionSlider::kSteps), 3.0);
    EXPECT_NEAR(traversal->sliderFor(0)->value(), latentOf(3)[0], 6.0 / latent::ui::DimensionSlider::kSteps);

    for (auto* button : traversal->findChildren<QPushButton*>()) {
        if (button->text() == "Grid…") QTest::mouseClick(button, Qt::LeftButton);
    }
    auto* dialog = traversal->findChild<latent::ui::TraversalGridDialog*>();
    ASSERT_NE(dialog, nullptr);
    QSignalSpy shown(dialog, &latent::ui::TraversalGridDialog::gridShown);
    dialog->dimensionsBox()->setValue(3);
    dialog->stepsBox()->setValue(5);
    ASSERT_TRUE(shown.wait(10000));
    QTest::qWait(50);

    // The bundled VAE's dimensions are ranked by their mean KL to the prior.
    const auto& ws = *parts(window).workspace();
    ASSERT_EQ(ws.logvars.count, ws.latents.count);
    QString ranking;
    for (auto* label : traversal->findChildren<QLabel*>()) {
        if (label->text().contains("most important first")) ranking = label->text();
    }
    EXPECT_TRUE(ranking.contains("mean KL to the prior")) << ranking.toStdString();
    auto dims = latent::rankDimensions(latent::summariseDimensions(ws.latents, &ws.logvars));
    dims.resize(3);
    const std::vector<latent::TraversalRange> ranges(3, latent::priorRange());
    const auto latents = latent::traversalLatents(latentOf(3), dims, 5, ranges);
    EXPECT_EQ(dialog->gridLatents().values, latents.values);
    const auto expected = latent::decodeToGrid(latent::decoderOf(*parts(window).workspace()->model), latents, 5, 2);
    EXPECT_EQ(dialog->grid().width, expected.width);
    EXPECT_EQ(dialog->grid().height, expected.height);
    EXPECT_EQ(dialog->grid().pixels, expected.pixels);
    const auto file = dir / "grid.png";
    EXPECT_EQ(dialog->exportTo(QString::fromStdString(file.string())), QString());
    EXPECT_GT(std::filesystem::file_size(file), 100u);

    // The PNG is the labelled grid: each row's dimension written at its left, each cell's
    // value in a strip under its row.
    const QImage written(QString::fromStdString(file.string()));
    ASSERT_EQ(written.size(), dialog->labelledGrid().size());
    const int left = written.width() - expected.width;
    EXPECT_GT(left, 10);
    EXPECT_GT(written.height(), expected.height + 3 * 8);
    const int rowPitch = written.height() / 3;
    for (int r = 0; r < 3; ++r) {
        int ink = 0;  // dark pixels of the row's name
        for (int y = r * rowPitch; y < (r + 1) * rowPitch; ++y)
            for (int x = 0; x < left - 4; ++x) ink += qGray(written.pixel(x, y)) < 128 ? 1 : 0;
        EXPECT_GT(ink, 5) << "row " << r << " has no dimension name";
    }
}

TEST_F(ExplorationToolsTest, TheFileMenusTraversalExportOpensTheGridDialogWithThePanelsRanges) {
    openWindow(2, 1000);
    waitForDecode([&] { window->selectItem(5); });
    parts(window).traversal()->rangeChooser()->setCurrentIndex(1);  // the prior's range
    QAction* action = nullptr;
    for (auto* a : window->findChildren<QAction*>()) {
        if (a->text().startsWith("Traversal grid of the current point")) action = a;
    }
    ASSERT_NE(action, nullptr);
    action->trigger();
    auto* dialog = parts(window).traversal()->findChild<latent::ui::TraversalGridDialog*>();
    ASSERT_NE(dialog, nullptr);
    dialog->dimensionsBox()->setValue(2);
    dialog->stepsBox()->setValue(4);
    const auto& ws = *parts(window).workspace();
    auto dims = latent::rankDimensions(latent::summariseDimensions(ws.latents, &ws.logvars));
    dims.resize(2);
    const std::vector<latent::TraversalRange> ranges(2, latent::priorRange());
    EXPECT_EQ(dialog->gridLatents().values, latent::traversalLatents(latentOf(5), dims, 4, ranges).values);
}

}  // namespace
