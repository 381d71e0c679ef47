// GoogleTest main for tests that need a QApplication with VTK's OpenGL surface format.
#include <gtest/gtest.h>

#include <QApplication>

#include "latent/ui/VtkOpenGLWidget.h"

int main(int argc, char** argv) {
    ::testing::InitGoogleTest(&argc, argv);
    latent::ui::VtkOpenGLWidget::setDefaultSurfaceFormat();  // before QApplication
    QApplication app(argc, argv);
    return RUN_ALL_TESTS();
}
