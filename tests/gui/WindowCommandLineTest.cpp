// The window's command line, run as a user runs it: `--session FILE` reopens a saved
// exploration, and `--screenshot` never waits on a dialog.
#include <gtest/gtest.h>

#include <QImage>
#include <QProcess>
#include <filesystem>
#include <fstream>

#include "../core/TempDir.h"
#include "latent/core/Session.h"

namespace {

struct AppRun {
    int exitCode = -1;
    QString errors;
};

// The app with `arguments`, recovery files and settings kept in `home`.
AppRun runApp(const TempDir& home, const QStringList& arguments) {
    QProcess app;
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("XDG_DATA_HOME", QString::fromStdString((home / "data").string()));
    env.insert("XDG_CONFIG_HOME", QString::fromStdString((home / "config").string()));
    app.setProcessEnvironment(env);
    app.start(LATENT_EXPLORER_EXE, arguments);
    if (!app.waitForStarted(30000) || !app.waitForFinished(240000)) {
        app.kill();
        app.waitForFinished(10000);
        ADD_FAILURE() << "the app did not finish: " << app.readAllStandardError().toStdString();
        return {};
    }
    return {app.exitStatus() == QProcess::NormalExit ? app.exitCode() : -1,
            QString::fromUtf8(app.readAllStandardError())};
}

QString str(const std::filesystem::path& path) { return QString::fromStdString(path.string()); }

TEST(WindowCommandLine, SessionOpensItsWorkspaceAndMapAndScreenshotWaitsForIt) {
    TempDir home;
    latent::Session session;
    session.workspace = {LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 300};
    session.projection.method = latent::ProjectionMethod::LatentAxes;
    session.projection.axes = {2, 5};
    session.view.colourBy = "label";
    latent::saveSession(home / "saved.json", session);

    const auto shot = home / "shot.png";
    const AppRun run = runApp(home, {"--session", str(home / "saved.json"), "--screenshot", str(shot)});
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains("saved " + str(shot))) << run.errors.toStdString();
    const QImage image(str(shot));
    EXPECT_FALSE(image.isNull());
}

TEST(WindowCommandLine, ABadSessionFileIsRefusedWithAMessageAndNoWindow) {
    TempDir home;
    std::ofstream(home / "cut.json") << "{\"format\": \"latent-explorer-session\", \"version\": 3, \"mod";
    const AppRun bad = runApp(home, {"--session", str(home / "cut.json")});
    EXPECT_EQ(bad.exitCode, 2);
    EXPECT_TRUE(bad.errors.contains("cut.json")) << bad.errors.toStdString();
    EXPECT_TRUE(bad.errors.contains("not valid JSON")) << bad.errors.toStdString();

    // A session names its own model and data: both at once is a usage error.
    latent::saveSession(home / "fine.json", latent::Session{});
    const AppRun both = runApp(home, {"--session", str(home / "fine.json"), "--model", LATENT_DEFAULT_MODEL});
    EXPECT_EQ(both.exitCode, 1);
    EXPECT_TRUE(both.errors.contains("excludes")) << both.errors.toStdString();
}

// A model whose input differs from the data's images makes the window ask whether to
// resize them; unattended, the default answer is taken and the map is still shot.
TEST(WindowCommandLine, ScreenshotAnswersADialogWithItsDefaultInsteadOfWaiting) {
    TempDir home;
    const auto shot = home / "resized.png";
    const auto model = std::filesystem::path(LATENT_MODEL_FIXTURES) / "pair.json";
    const AppRun run = runApp(home, {"--model", str(model), "--data", LATENT_DEFAULT_DATA_DIR, "--limit", "200",
                                  "--screenshot", str(shot)});
    EXPECT_EQ(run.exitCode, 0) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains("a dialog asked")) << run.errors.toStdString();
    EXPECT_TRUE(run.errors.contains("answered")) << run.errors.toStdString();
    EXPECT_FALSE(QImage(str(shot)).isNull());
}

}  // namespace
