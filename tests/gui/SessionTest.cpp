#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QSlider>
#include <QTest>
#include <fstream>

#include "../core/TempDir.h"
#include "GuiChecks.h"
#include "WindowFixture.h"
#include "WindowTestAccess.h"
#include "latent/ui/ImagePanel.h"
#include "latent/ui/MorphPanel.h"
#include "latent/ui/SessionActions.h"

namespace {

using latent::ui::MainWindow;

class SessionWindowTest : public WindowFixture {};

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
    const auto reopened = window->sessions()->capture();
    EXPECT_EQ(reopened.morph, saved.morph);
    EXPECT_EQ(reopened, saved);

    // Only the newest request's image is ever shown: wait for it if it is not in yet.
    if (shown.count() == 0) {
        ASSERT_TRUE(shown.wait(10000));
    }
    expectSameImage(parts(window).imagePanel()->decodedImage(), coreDecode(*parts(window).workspace(), saved.currentLatent));
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
