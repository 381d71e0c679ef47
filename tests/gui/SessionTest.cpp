#include <gtest/gtest.h>

#include <QAbstractButton>
#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QMessageBox>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>
#include <fstream>

#include "../core/TempDir.h"
#include "GuiChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/ColourByPanel.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/RecentFiles.h"
#include "latent/ui/SelectionModel.h"
#include "latent/ui/SessionActions.h"

namespace {

using latent::ui::MainWindow;

class SessionWindowTest : public WindowFixture {
protected:
    void SetUp() override {
        QStandardPaths::setTestModeEnabled(true);  // keep the user's recent sessions out of it
        QSettings().remove("recentSessions");
    }

    // Joins a metadata table with one more column ("shade") to the open workspace.
    void addShadeColumn(const TempDir& dir, std::size_t rows) {
        const auto csv = dir / "shades.csv";
        std::ofstream out(csv);
        out << "shade\n";
        for (std::size_t i = 0; i < rows; ++i) out << (i % 3 == 0 ? "dark\n" : "light\n");
        out.close();
        QSignalSpy shown(window.get(), &MainWindow::projectionShown);
        window->openMetadata(QString::fromStdString(csv.string()));
        ASSERT_TRUE(shown.wait(60000));
    }

    // Answers the next modal question with `button` as soon as it shows.
    void answerNextQuestion(QMessageBox::StandardButton button) {
        QTimer::singleShot(50, [this, button] {
            auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
            if (!box) return answerNextQuestion(button);
            asked_ = box->objectName();
            box->button(button)->click();
        });
    }

    QString asked_;
};

void expectSameCamera(const latent::MapCamera& a, const latent::MapCamera& b) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_NEAR(a.position[i], b.position[i], 1e-9);
        EXPECT_NEAR(a.focalPoint[i], b.focalPoint[i], 1e-9);
        EXPECT_NEAR(a.viewUp[i], b.viewUp[i], 1e-9);
    }
    EXPECT_NEAR(a.parallelScale, b.parallelScale, 1e-9);
}

TEST_F(SessionWindowTest, ReopeningASessionRestoresTheSameLatentsAndImages) {
    TempDir dir;
    const QString path = QString::fromStdString((dir / "explore.json").string());
    openWindow(2, 2000);
    window->selectItem(11);
    parts(window).morph()->setEndpoint(true, parts(window).currentLatent(), "A", 11);
    window->selectItem(1500);
    parts(window).morph()->setEndpoint(false, parts(window).currentLatent(), "B", 1500);
    parts(window).morph()->scrubSlider()->setValue(420);  // the current point becomes the frame at t = 0.42
    window->setDimensions(3);
    const latent::Session saved = window->sessions()->capture();
    ASSERT_EQ(saved.currentLatent, parts(window).morph()->latentAt(0.42));
    ASSERT_TRUE(saved.morph.has_value());
    ASSERT_EQ(window->sessions()->saveTo(path), QString());

    // A second window on other data: opening the session must reload what it names.
    auto first = std::move(window);
    openWindow(2, 500);
    QSignalSpy restored(window->sessions(), &latent::ui::SessionActions::restored);
    QSignalSpy shown(window.get(), &MainWindow::decodedShown);
    ASSERT_EQ(window->sessions()->openFrom(path), QString());
    ASSERT_TRUE(restored.wait(120000));
    EXPECT_EQ(parts(window).workspace()->dataset.count, 2000u);
    EXPECT_EQ(parts(window).dimensions(), 3);
    EXPECT_EQ(parts(window).currentLatent(), saved.currentLatent);
    auto reopened = window->sessions()->capture();
    EXPECT_EQ(reopened.morph, saved.morph);
    // Restored docks then size to their panels' contents, so the saved bytes of the
    // layout differ; ASessionRestoresTheCameraColourByAndDockLayout checks the layout.
    EXPECT_FALSE(reopened.view.windowLayout.empty());
    reopened.view.windowLayout = saved.view.windowLayout;
    EXPECT_EQ(reopened, saved);

    // Only the newest request's image is ever shown: wait for it if it is not in yet.
    if (shown.count() == 0) {
        ASSERT_TRUE(shown.wait(10000));
    }
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*parts(window).workspace(), saved.currentLatent));
}

TEST_F(SessionWindowTest, ASessionRestoresTheCameraColourByAndDockLayout) {
    TempDir dir;
    const QString path = QString::fromStdString((dir / "view.json").string());
    openWindow(2, 1000);
    addShadeColumn(dir, 1000);
    ASSERT_TRUE(window->setColourColumn("shade"));
    auto* map = parts(window).map();
    latent::MapCamera moved = map->camera();
    for (double* axis : {&moved.position[0], &moved.focalPoint[0]}) *axis += 0.75;  // panned right ...
    moved.parallelScale *= 0.4;                                                    // ... and zoomed in
    map->setCamera(moved);
    window->findChild<QDockWidget*>("neighboursDock")->setFloating(true);
    ASSERT_EQ(window->sessions()->saveTo(path), QString());

    // Another window, framed and coloured by label, opens the session.
    auto first = std::move(window);
    first.reset();
    openWindow(2, 300);
    ASSERT_TRUE(parts(window).map()->cameraFitted());
    QSignalSpy restored(window->sessions(), &latent::ui::SessionActions::restored);
    ASSERT_EQ(window->sessions()->openFrom(path), QString());
    ASSERT_TRUE(restored.wait(120000));
    settle();
    EXPECT_EQ(parts(window).colourBy()->column(), "shade");
    EXPECT_FALSE(parts(window).map()->cameraFitted());
    expectSameCamera(parts(window).map()->camera(), moved);
    EXPECT_TRUE(window->findChild<QDockWidget*>("neighboursDock")->isFloating());
}

TEST_F(SessionWindowTest, QuitAsksBeforeDiscardingUnsavedWorkAndNotOtherwise) {
    TempDir dir;
    openWindow(2, 500);
    EXPECT_FALSE(window->sessions()->hasUnsavedWork());  // nothing made yet
    EXPECT_TRUE(window->close());

    window->show();
    window->state()->selection()->replace({3, 4, 5});
    ASSERT_TRUE(window->sessions()->hasUnsavedWork());
    answerNextQuestion(QMessageBox::Cancel);
    EXPECT_FALSE(window->close());  // Cancel: the window stays, with its work
    EXPECT_EQ(asked_, "unsavedWorkQuestion");
    EXPECT_TRUE(window->isVisible());

    // Saved work is not asked about again, until it changes.
    const QString path = QString::fromStdString((dir / "work.json").string());
    ASSERT_EQ(window->sessions()->saveTo(path), QString());
    EXPECT_FALSE(window->sessions()->hasUnsavedWork());
    window->state()->selection()->replace({3, 4});
    EXPECT_TRUE(window->sessions()->hasUnsavedWork());
    asked_.clear();
    answerNextQuestion(QMessageBox::Discard);
    EXPECT_TRUE(window->close());
    EXPECT_EQ(asked_, "unsavedWorkQuestion");
}

TEST_F(SessionWindowTest, SavedAndOpenedSessionsAreListedInOpenRecentSession) {
    TempDir dir;
    openWindow(2, 300);
    const QString saved = QString::fromStdString((dir / "one.json").string());
    ASSERT_EQ(window->sessions()->saveTo(saved), QString());
    auto* recent = window->sessions()->recentSessions();
    ASSERT_NE(recent, nullptr);
    EXPECT_EQ(recent->files(), QStringList{saved});
    const QString copy = QString::fromStdString((dir / "two.json").string());
    ASSERT_TRUE(QFile::copy(saved, copy));
    QSignalSpy restored(window->sessions(), &latent::ui::SessionActions::restored);
    ASSERT_EQ(window->sessions()->openFrom(copy), QString());
    EXPECT_EQ(recent->files(), (QStringList{copy, saved}));  // newest first
}

TEST_F(SessionWindowTest, AMalformedSessionIsRefusedAndTheCurrentOneStays) {
    TempDir dir;
    openWindow(2, 500);
    window->selectItem(7);
    const latent::Session before = window->sessions()->capture();
    std::ofstream(dir / "broken.json") << "{\"format\": \"latent-explorer-session\", \"version\": ";
    std::ofstream(dir / "foreign.json") << "{\"projector\": {\"embeddings\": []}}";
    for (const char* name : {"broken.json", "foreign.json", "missing.json"}) {
        const QString error = window->sessions()->openFrom(QString::fromStdString((dir / name).string()));
        EXPECT_FALSE(error.isEmpty()) << name;
        EXPECT_TRUE(error.contains(name)) << error.toStdString();
        EXPECT_EQ(window->sessions()->capture(), before);
        EXPECT_EQ(parts(window).imagePanel()->currentIndex(), 7);
    }
}

}  // namespace
