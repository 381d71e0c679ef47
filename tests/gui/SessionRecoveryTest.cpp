// A session survives a crash: the app autosaves it to a recovery file, is killed with
// SIGKILL, and the next start offers to restore it.
#include <gtest/gtest.h>

#include <QDir>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "../core/TempDir.h"
#include "latent/ui/ExplorerState.h"
#include "latent/ui/MainWindow.h"
#include "latent/ui/SessionActions.h"
#include "latent/ui/SessionRecovery.h"

namespace {

using latent::ui::MainWindow;

constexpr std::size_t kItem = 7;

// The recovery folder of an app started with XDG_DATA_HOME = `home`.
QString recoveryFolder(const TempDir& home) {
    return QString::fromStdString((home / "latent-explorer" / "Latent Explorer" / "recovery").string());
}

// Whether a recovery file in `folder` holds a session with `kItem` as the current point.
bool recoveryHoldsTheWork(const QString& folder) {
    for (const auto& file : QDir(folder).entryInfoList({"session-*.json"}, QDir::Files)) {
        try {
            const auto session = latent::loadSession(file.absoluteFilePath().toStdString());
            if (session.currentIndex == kItem && session.projection.method == latent::ProjectionMethod::Umap) return true;
        } catch (const std::exception&) {
        }
    }
    return false;
}

TEST(SessionRecovery, AnAppKilledMidWorkOffersItsSessionOnTheNextStart) {
    TempDir home;
    QProcess app;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", QString::fromStdString(home.path().string()));
    app.setProcessEnvironment(env);
    app.start(LATENT_EXPLORER_EXE, {"--model", LATENT_DEFAULT_MODEL, "--data", LATENT_DEFAULT_DATA_DIR, "--limit",
                                    "400", "--projection", "umap", "--select", QString::number(kItem)});
    ASSERT_TRUE(app.waitForStarted(30000));
    const QString folder = recoveryFolder(home);
    const bool autosaved = QTest::qWaitFor([&] { return recoveryHoldsTheWork(folder); }, 180000);
    app.kill();  // SIGKILL: no clean-up runs
    ASSERT_TRUE(app.waitForFinished(30000));
    ASSERT_TRUE(autosaved) << "no recovery file with the current point; app output:\n"
                           << app.readAllStandardError().toStdString();
    ASSERT_EQ(app.exitStatus(), QProcess::CrashExit);

    // The next start finds it and offers it; Restore brings back the workspace, the map
    // and the current point.
    const latent::WorkspaceRequest other{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 100}, 256};
    MainWindow window(other, 2);
    window.resize(1280, 800);
    window.show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(&window));
    QSignalSpy restored(window.sessions(), &latent::ui::SessionActions::restored);
    latent::ui::restoreOrStartLoading(window, folder);
    QMessageBox* offer = nullptr;
    ASSERT_TRUE(QTest::qWaitFor([&] { return (offer = window.findChild<QMessageBox*>("recoveryOffer")) != nullptr; }, 5000));
    QPushButton* restore = nullptr;
    for (auto* button : offer->findChildren<QPushButton*>()) {
        if (button->text() == "Restore") restore = button;
    }
    ASSERT_NE(restore, nullptr);
    restore->click();
    ASSERT_TRUE(restored.count() > 0 || restored.wait(180000)) << "the session was not restored";
    const auto* state = window.state();
    EXPECT_EQ(state->identity().limit, 400u);
    EXPECT_EQ(state->current().index, kItem);
    EXPECT_EQ(window.projectionParams().method, latent::ProjectionMethod::Umap);
    // Offered once: the file is gone, and nothing else is left to offer.
    EXPECT_FALSE(recoveryHoldsTheWork(folder));
    EXPECT_FALSE(latent::ui::findOrphanedSession(folder).has_value());
}

}  // namespace
