// GoogleTest main for tests that need a QApplication with VTK's OpenGL surface format.
#include <gtest/gtest.h>

#include <QApplication>
#include <QStandardPaths>

#include "latent/ui/VtkOpenGLWidget.h"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    latent::ui::VtkOpenGLWidget::setDefaultSurfaceFormat();  // before QApplication
    QApplication app(argc, argv);
    QStandardPaths::setTestModeEnabled(true);  // recovery files and settings stay out of the user's folders
    return RUN_ALL_TESTS();
}
