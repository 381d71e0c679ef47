#pragma once

#include <gtest/gtest.h>

#include <QSignalSpy>
#include <QTest>
#include <memory>

#include "latent/ui/MainWindow.h"
#include "WindowTestAccess.h"
#include "latent/ui/ScatterMap.h"
#include "latent/ui/VtkOpenGLWidget.h"

// A main window on the bundled model and the Fashion-MNIST test split, shown and encoded.
class WindowFixture : public ::testing::Test {
protected:
    void openWindow(int dims = 2, std::size_t limit = 0) {
        latent::WorkspaceRequest request{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", limit}, 256};
        window = std::make_unique<latent::ui::MainWindow>(request, dims);
        window->resize(1280, 800);
        window->show();
        ASSERT_TRUE(QTest::qWaitForWindowExposed(window.get()));
        QSignalSpy ready(window.get(), &latent::ui::MainWindow::workspaceReady);
        window->startLoading();
        ASSERT_TRUE(ready.wait(120000)) << "the dataset was not encoded in time";
        settle();
    }

    // Lets the map repaint so camera matrices and the framebuffer are current.
    void settle() {
        for (int i = 0; i < 10; ++i) {
            QTest::qWait(30);
            QCoreApplication::processEvents();
        }
        parts(window).map()->grabMap();
    }

    std::unique_ptr<latent::ui::MainWindow> window;
};
