// The explorer state without a window: what it holds, what it refuses, what it signals.
#include "latent/ui/ExplorerState.h"

#include "latent/ui/SelectionModel.h"

#include <gtest/gtest.h>

#include <QSignalSpy>

namespace {

using latent::ui::ExplorerState;

std::shared_ptr<latent::Workspace> workspaceOf(std::size_t points) {
    auto ws = std::make_shared<latent::Workspace>();
    ws->latents = latent::LatentBatch(points, 4);
    return ws;
}

std::shared_ptr<const latent::ProjectionResult> projectionOf(std::size_t points) {
    auto result = std::make_shared<latent::ProjectionResult>();
    result->coords = latent::LatentBatch(points, 2);
    return result;
}

TEST(ExplorerState, ANewWorkspaceDropsTheProjectionOfTheOldPoints) {
    ExplorerState state;
    QSignalSpy workspaceChanged(&state, &ExplorerState::workspaceChanged);
    QSignalSpy projectionChanged(&state, &ExplorerState::projectionChanged);
    latent::WorkspaceIdentity identity;
    identity.priorSamples = 300;
    state.setWorkspace(workspaceOf(300), identity);
    EXPECT_EQ(workspaceChanged.count(), 1);
    EXPECT_EQ(state.identity(), identity);
    ASSERT_TRUE(state.setProjection(projectionOf(300)));
    EXPECT_EQ(projectionChanged.count(), 1);
    ASSERT_NE(state.coordinates(), nullptr);
    EXPECT_EQ(state.coordinates()->count, 300u);

    identity.priorSamples = 350;
    state.setWorkspace(workspaceOf(350), identity);
    EXPECT_EQ(state.projection(), nullptr);
    EXPECT_EQ(state.coordinates(), nullptr);
    EXPECT_EQ(workspaceChanged.count(), 2);
}

TEST(ExplorerState, AProjectionOfAnotherPointCountIsRefused) {
    ExplorerState state;
    EXPECT_FALSE(state.setProjection(projectionOf(10)));  // no workspace yet
    state.setWorkspace(workspaceOf(350), {});
    QSignalSpy projectionChanged(&state, &ExplorerState::projectionChanged);
    EXPECT_FALSE(state.fits(*projectionOf(300)));
    EXPECT_FALSE(state.setProjection(projectionOf(300)));
    EXPECT_EQ(state.projection(), nullptr);
    EXPECT_EQ(projectionChanged.count(), 0);
    EXPECT_TRUE(state.setProjection(projectionOf(350)));
    EXPECT_EQ(projectionChanged.count(), 1);
}

TEST(ExplorerState, ColoursAreKeptAndSignalled) {
    ExplorerState state;
    QSignalSpy coloursChanged(&state, &ExplorerState::coloursChanged);
    state.setColours({Qt::red, Qt::blue});
    EXPECT_EQ(coloursChanged.count(), 1);
    EXPECT_EQ(state.colours(), (std::vector<QColor>{Qt::red, Qt::blue}));
}

TEST(ExplorerState, TheSelectionHasAFlagPerPointOfTheWorkspaceAndANewWorkspaceEmptiesIt) {
    ExplorerState state;
    state.setWorkspace(workspaceOf(10), {});
    EXPECT_EQ(state.selection()->pointCount(), 10u);
    state.selection()->replace({2, 3, 9});
    QSignalSpy selectionChanged(state.selection(), &latent::ui::SelectionModel::changed);
    state.setWorkspace(workspaceOf(4), {});
    EXPECT_EQ(state.selection()->pointCount(), 4u);
    EXPECT_EQ(state.selection()->count(), 0u);
    EXPECT_EQ(selectionChanged.count(), 1);
}

TEST(ExplorerState, TheCurrentPointIsKeptAndSignalledAndOutlivesANewWorkspace) {
    ExplorerState state;
    QSignalSpy currentChanged(&state, &ExplorerState::currentChanged);
    EXPECT_TRUE(state.current().latent.empty());
    state.setWorkspace(workspaceOf(10), {});
    state.setCurrent({{1.0f, 2.0f, 3.0f, 4.0f}, 7, "#7"});
    EXPECT_EQ(currentChanged.count(), 1);
    EXPECT_EQ(state.current().latent, (std::vector<float>{1.0f, 2.0f, 3.0f, 4.0f}));
    EXPECT_EQ(state.current().index, std::optional<std::size_t>(7));
    EXPECT_EQ(state.current().label, "#7");
    state.setWorkspace(workspaceOf(10), {});
    EXPECT_EQ(state.current().label, "#7");
}

TEST(ExplorerState, TwoStatesAreIndependent) {
    ExplorerState left;
    ExplorerState right;
    left.setWorkspace(workspaceOf(5), {});
    right.setWorkspace(workspaceOf(8), {});
    left.selection()->replace({1});
    left.setCurrent({{0.5f}, std::nullopt, "left"});
    EXPECT_EQ(right.selection()->count(), 0u);
    EXPECT_EQ(right.selection()->pointCount(), 8u);
    EXPECT_TRUE(right.current().latent.empty());
    right.setWorkspace(workspaceOf(3), {});
    EXPECT_EQ(left.workspace()->latents.count, 5u);
    EXPECT_EQ(left.selection()->count(), 1u);
}

}  // namespace
