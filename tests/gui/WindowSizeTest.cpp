// The window keeps the size it was given: long texts elide or wrap inside their panels
// instead of widening the window past the screen, and no dock tab title is cut.
#include <gtest/gtest.h>

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDockWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QSlider>
#include <QSpinBox>
#include <QTabBar>
#include <QTest>
#include <QTimer>
#include <algorithm>
#include <filesystem>
#include <fstream>

#include "../core/TempDir.h"
#include "WindowFixture.h"
#include "latent/core/ImageIo.h"
#include "latent/ui/ClustersPanel.h"
#include "latent/ui/ImageSearchController.h"
#include <QTableWidget>
#include "WindowTestAccess.h"
#include "latent/ui/AttributePanel.h"
#include "latent/ui/MessageLog.h"
#include "latent/ui/MorphEndpointPicker.h"
#include "latent/ui/MorphPanel.h"

namespace {

// A tab bar that says how wide a tab must be to show its whole title.
class TitleProbe : public QTabBar {
public:
    explicit TitleProbe(const QTabBar& like) {
        setFont(like.font());
        setShape(like.shape());
        setDocumentMode(like.documentMode());
    }
    int fullWidth(const QString& title) {
        while (count() > 0) removeTab(0);
        addTab(title);
        return tabSizeHint(0).width();
    }
};

class WindowSizeTest : public WindowFixture {
protected:
    void SetUp() override {
        // A failed open shows a modal warning: close any as soon as it appears.
        QObject::connect(&modalCloser_, &QTimer::timeout, [] {
            if (auto* box = QApplication::activeModalWidget()) box->close();
        });
        modalCloser_.start(100);
    }

    // The window as it was before `what`, and within the screen.
    void expectSizeKept(const QSize& before, const char* what) {
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(40);  // layouts settle over a few event-loop turns
        }
        EXPECT_EQ(window->width(), before.width()) << "after " << what;
        EXPECT_EQ(window->height(), before.height()) << "after " << what;
        const QRect screen = window->screen()->availableGeometry();
        EXPECT_LE(window->frameGeometry().width(), screen.width()) << "after " << what;
        EXPECT_LE(window->frameGeometry().height(), screen.height()) << "after " << what;
    }

    QTimer modalCloser_;
};

TEST_F(WindowSizeTest, LongTextsAndToolsLeaveTheWindowAsItWas) {
    openWindow(2, 0);
    const QSize before = window->size();
    ASSERT_EQ(before, QSize(1280, 800));

    // A long error in the status bar: one elided line, the whole text in its tooltip.
    const QString missing = "/tmp/" + QString(300, 'm') + "/no-such-model.pt";
    window->openModel(missing);
    ASSERT_TRUE(QTest::qWaitFor([&] { return parts(window).statusText().contains("Could not open"); }, 10000));
    expectSizeKept(before, "a long error in the status bar");

    // Both ends of a morph chosen: its ends, path note and thumbnails appear.
    window->findChild<QDockWidget*>("morphDock")->raise();
    auto* picker = parts(window).morph()->endpointPicker();
    picker->indexBox()->setValue(10);
    ASSERT_TRUE(picker->chooseByIndex(true).has_value());
    picker->indexBox()->setValue(2000);
    ASSERT_TRUE(picker->chooseByIndex(false).has_value());
    expectSizeKept(before, "a morph's ends were chosen");

    // The Directions slider at its end, between the two longest class names.
    window->findChild<QDockWidget*>("directionsDock")->raise();
    window->selectItem(5);
    auto* directions = parts(window).attributes();
    directions->groupChooser(true)->setCurrentIndex(0);   // T-shirt/top ...
    directions->groupChooser(false)->setCurrentIndex(9);  // ... to Ankle boot
    ASSERT_TRUE(directions->attribute().has_value());
    directions->amountSlider()->setValue(directions->amountSlider()->maximum());
    expectSizeKept(before, "the Directions slider moved");

    // On a UMAP map (its panel has more rows): clusters found and listed, an image found, a
    // generated point shown above them.
    latent::ProjectionParams umap;
    umap.method = latent::ProjectionMethod::Umap;
    umap.iterations = 10;
    umap.threads = 2;
    window->setProjection(umap);
    ASSERT_TRUE(QTest::qWaitFor([&] { return parts(window).projection()->params.method == umap.method; }, 60000));
    expectSizeKept(before, "a UMAP map was shown");
    TempDir dir;
    const auto image = dir / "found.png";
    latent::writePng(image, latent::toRaster(parts(window).workspace()->dataset.image(7)));
    QSignalSpy searched(parts(window).imageSearch(), &latent::ui::ImageSearchController::searched);
    parts(window).imageSearch()->find({QString::fromStdString(image.string())});
    ASSERT_TRUE(searched.wait(30000));
    expectSizeKept(before, "an image was found");
    window->findChild<QDockWidget*>("currentPointDock")->raise();
    expectSizeKept(before, "the found image was shown as the current point");
    window->findChild<QDockWidget*>("clustersDock")->raise();
    auto* clusters = parts(window).clusters();
    QPushButton* find = nullptr;
    for (auto* b : clusters->findChildren<QPushButton*>()) {
        if (b->text() == "Find Clusters") find = b;
    }
    ASSERT_NE(find, nullptr);
    QTest::mouseClick(find, Qt::LeftButton);
    ASSERT_TRUE(QTest::qWaitFor([&] { return clusters->table()->rowCount() > 0 && !clusters->running(); }, 60000));
    expectSizeKept(before, "clusters were found");
}

TEST_F(WindowSizeTest, AFailedFirstLoadOfALongPathKeepsTheWindowsSize) {
    TempDir dir;
    std::filesystem::path folder = dir.path();
    for (int i = 0; i < 6; ++i) folder /= "a_folder_with_a_rather_long_name_" + std::to_string(i);
    std::filesystem::create_directories(folder);
    const auto model = folder / (std::string(180, 'm') + ".pt");
    std::ofstream(model) << "not a model";
    latent::WorkspaceRequest broken{{model, LATENT_DEFAULT_DATA_DIR, "test", 300}, 256};
    window = std::make_unique<latent::ui::MainWindow>(broken, 2);
    window->resize(1280, 800);
    window->show();
    ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
    const QSize before = window->size();
    QSignalSpy failed(window.get(), &latent::ui::MainWindow::loadFailed);
    window->startLoading();
    ASSERT_TRUE(failed.count() > 0 || failed.wait(60000));
    ASSERT_TRUE(QTest::qWaitFor([&] { return window->findChild<QWidget*>("noMapOffer")->isVisible(); }, 5000));
    expectSizeKept(before, "the first load failed on a long path");
}

// The status bar keeps to one line; the Message Log keeps every message whole.
TEST_F(WindowSizeTest, TheMessageLogKeepsEveryStatusMessageWhole) {
    openWindow(2, 300);
    const QString missing = "/tmp/" + QString(300, 'q') + "/no-such-model.pt";
    window->openModel(missing);
    ASSERT_TRUE(QTest::qWaitFor([&] { return parts(window).statusText().contains("Could not open"); }, 10000));
    window->selectItem(3);
    const QStringList& entries = window->messages()->entries();
    ASSERT_GE(entries.size(), 3);
    const auto failure = std::find_if(entries.begin(), entries.end(),
                                      [](const QString& e) { return e.contains("Could not open"); });
    ASSERT_NE(failure, entries.end());
    EXPECT_TRUE(failure->contains(QString(300, 'q'))) << "the message was cut";
    EXPECT_TRUE(entries.last().contains("selected")) << entries.last().toStdString();

    QAction* open = nullptr;
    for (QAction* a : window->findChildren<QAction*>()) {
        if (a->text() == "Message &Log…") open = a;
    }
    ASSERT_NE(open, nullptr);
    open->trigger();
    QDialog* log = window->messages()->window();
    ASSERT_NE(log, nullptr);
    ASSERT_TRUE(QTest::qWaitForWindowExposed(log));
    EXPECT_TRUE(log->findChild<QPlainTextEdit*>()->toPlainText().contains(QString(300, 'q')));
    EXPECT_LE(log->frameGeometry().width(), log->screen()->availableGeometry().width());
    log->close();
}

TEST_F(WindowSizeTest, NoDockTabTitleIsCut) {
    openWindow(2, 1000);
    const auto bars = window->findChildren<QTabBar*>();
    ASSERT_FALSE(bars.isEmpty());
    int tabs = 0;
    for (const QTabBar* bar : bars) {
        if (!bar->isVisible()) continue;
        TitleProbe probe(*bar);
        for (int i = 0; i < bar->count(); ++i, ++tabs) {
            EXPECT_GE(bar->tabRect(i).width(), probe.fullWidth(bar->tabText(i)))
                << "the tab '" << bar->tabText(i).toStdString() << "' is cut";
        }
    }
    EXPECT_GE(tabs, 8);  // every tabbed dock was checked
}

}  // namespace
