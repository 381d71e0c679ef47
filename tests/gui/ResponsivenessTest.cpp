// The event loop keeps running while background jobs work: loading and encoding, each
// computed projection (with its previews), and an export that decodes. A UiHeartbeat
// measures the longest stall from a job's start until its result is delivered; between
// jobs the window is left to settle, so one job's layout changes are not charged to the
// next.
#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <iostream>

#include "../core/TempDir.h"
#include "UiHeartbeat.h"
#include "latent/ui/ExportActions.h"
#include "latent/ui/MainWindow.h"

namespace {

using latent::ProjectionMethod;
using latent::ui::MainWindow;

constexpr int kJobTimeoutMs = 300000;
constexpr int kSettleMs = 1500;

TEST(Responsiveness, TheEventLoopNeverStallsWhileBackgroundJobsRun) {
    const latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 5000}, 256};
    MainWindow window(request, 2);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    UiHeartbeat heartbeat;
    auto expectNoStall = [&](const char* job) {
        const qint64 stall = heartbeat.longestStallMs();
        std::cout << "longest stall of the event loop, " << job << ": " << stall << " ms (wall clock, load included: "
                  << heartbeat.longestWallGapMs() << " ms)\n";
        EXPECT_LE(stall, UiHeartbeat::kMaxUiStallMs) << job;
        QTest::qWait(kSettleMs);
    };

    QSignalSpy ready(&window, &MainWindow::workspaceReady);
    heartbeat.restart();
    window.startLoading();
    ASSERT_TRUE(ready.wait(kJobTimeoutMs)) << "not loaded";
    expectNoStall("loading and encoding");

    for (const auto method : {ProjectionMethod::Tsne, ProjectionMethod::Umap, ProjectionMethod::Lle}) {
        auto params = window.projectionParams();
        params.method = method;
        QSignalSpy shown(&window, &MainWindow::projectionShown);
        heartbeat.restart();
        window.setProjection(params);
        ASSERT_TRUE(shown.count() > 0 || shown.wait(kJobTimeoutMs)) << latent::toString(method);
        expectNoStall(latent::toString(method));
    }

    QSignalSpy decoded(&window, &MainWindow::decodedShown);
    window.selectItem(7);
    ASSERT_TRUE(decoded.count() > 0 || decoded.wait(kJobTimeoutMs));
    QTest::qWait(kSettleMs);
    TempDir dir;
    QSignalSpy exported(window.exports(), &latent::ui::ExportActions::finished);
    heartbeat.restart();
    window.exports()->writeNeighbourGrid(QString::fromStdString((dir / "grid.png").string()));
    ASSERT_TRUE(exported.count() > 0 || exported.wait(kJobTimeoutMs));
    EXPECT_EQ(exported.takeFirst().at(0).toString(), "");
    expectNoStall("decoded grid export");
}

}  // namespace
