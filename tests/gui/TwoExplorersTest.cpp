// Two explorers in one window, as comparing two models side by side needs: each has its own
// state, map, inference engine and controllers, and nothing one does reaches the other.
#include <gtest/gtest.h>

#include <QHBoxLayout>
#include <QSignalSpy>
#include <QTest>
#include <memory>

#include "latent/core/Workspace.h"
#include "latent/ui/AttributePanel.h"
#include "latent/ui/BatchDecoder.h"
#include "latent/ui/BookmarksPanel.h"
#include "latent/ui/ClassLegend.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/CurrentPointController.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/Inference.h"
#include "latent/ui/MapHighlights.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/NeighboursPanel.h"
#include "latent/ui/ProjectionController.h"
#include "latent/ui/ProjectionPanel.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/TraversalPanel.h"

namespace {

using namespace latent::ui;

// One explorer's parts, wired as the main window wires its own, inside `host`.
struct Explorer {
    explicit Explorer(QWidget* host)
        : state(new ExplorerState(host)),
          map(new ScatterMap(host)),
          image(new ImagePanel(host)),
          inference(new Inference(host)),
          legend(new ClassLegend(host)),
          colourBy(new ColourByPanel(legend, host)),
          neighbours(new NeighboursPanel(host)),
          panel(new ProjectionPanel(host)) {
        auto* traversal = new TraversalPanel(host);
        auto* morph = new MorphPanel(host);
        current = new CurrentPointController({map, image, inference, new BatchDecoder(inference, host), traversal,
                                              morph, neighbours, new AttributePanel(host),
                                              new BookmarksPanel(inference, host)},
                                             state, host);
        auto* highlights = new MapHighlights(map, neighbours, colourBy, state, host);
        projections = new ProjectionController(state, {map, panel, current, highlights}, host);
        host->layout()->addWidget(map);
    }

    // Loads the first `limit` test images through the bundled model and shows their PCA map.
    void open(std::size_t limit) {
        latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", limit}, 256};
        auto ws = std::make_shared<latent::Workspace>(latent::buildWorkspace(request));
        inference->setModel(ws->model);
        state->setWorkspace(ws, request.identity);
        colourBy->setWorkspace(ws);
        state->setColours(colourBy->colours());
        QSignalSpy shown(projections, &ProjectionController::shown);
        projections->run();
        ASSERT_TRUE(shown.count() > 0 || shown.wait(60000));
    }

    ExplorerState* state;
    ScatterMap* map;
    ImagePanel* image;
    Inference* inference;
    ClassLegend* legend;
    ColourByPanel* colourBy;
    NeighboursPanel* neighbours;
    ProjectionPanel* panel;
    CurrentPointController* current = nullptr;
    ProjectionController* projections = nullptr;
};

TEST(TwoExplorers, EachKeepsItsOwnWorkspaceMapCurrentPointAndSelection) {
    QWidget host;
    host.setLayout(new QHBoxLayout);
    Explorer left(&host);
    Explorer right(&host);
    host.resize(1000, 500);
    host.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&host));
    left.open(200);
    right.open(300);
    ASSERT_NE(left.state->projection(), nullptr);
    ASSERT_NE(right.state->projection(), nullptr);
    EXPECT_EQ(left.map->pointCount(), 200u);
    EXPECT_EQ(right.map->pointCount(), 300u);
    EXPECT_EQ(left.state->projection()->coords.count, 200u);
    EXPECT_EQ(right.state->selection()->pointCount(), 300u);

    // A click in the left map: only the left explorer's point, image and neighbours change.
    QSignalSpy leftDecoded(left.inference, &Inference::decoded);
    QSignalSpy rightDecoded(right.inference, &Inference::decoded);
    QSignalSpy rightCurrent(right.state, &ExplorerState::currentChanged);
    left.current->selectItem(150);
    ASSERT_TRUE(leftDecoded.wait(30000));
    EXPECT_EQ(left.state->current().index, std::optional<std::size_t>(150));
    EXPECT_FALSE(left.neighbours->neighbours().empty());
    EXPECT_TRUE(right.state->current().latent.empty());
    EXPECT_TRUE(right.neighbours->neighbours().empty());
    EXPECT_EQ(rightCurrent.count(), 0);
    QTest::qWait(200);
    EXPECT_EQ(rightDecoded.count(), 0);

    // Item 250 exists only on the right: the left explorer ignores it.
    left.current->selectItem(250);
    EXPECT_EQ(left.state->current().index, std::optional<std::size_t>(150));
    right.current->selectItem(250);
    EXPECT_EQ(right.state->current().index, std::optional<std::size_t>(250));
    EXPECT_EQ(left.state->current().index, std::optional<std::size_t>(150));

    right.state->selection()->replace({1, 2, 3});
    EXPECT_EQ(left.state->selection()->count(), 0u);
    EXPECT_EQ(right.state->selection()->count(), 3u);

    // A 3D map on the right leaves the left one in 2D.
    auto params = right.panel->params();
    params.dims = 3;
    right.panel->setParams(params);
    QSignalSpy rightShown(right.projections, &ProjectionController::shown);
    right.projections->run();
    ASSERT_TRUE(rightShown.count() > 0 || rightShown.wait(60000));
    EXPECT_EQ(right.map->dimensions(), 3);
    EXPECT_EQ(left.map->dimensions(), 2);
    EXPECT_EQ(right.state->selection()->count(), 3u);  // a new map of the same points keeps it
}

}  // namespace
