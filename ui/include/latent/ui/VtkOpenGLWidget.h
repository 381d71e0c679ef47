#pragma once

#include <QImage>
#include <QOpenGLWidget>
#include <QPoint>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;

namespace latent::ui {

// A QOpenGLWidget that hosts a vtkGenericOpenGLRenderWindow.
//
// VTK renders into its own framebuffer inside paintGL(); the result is then
// blitted into the widget's framebuffer. Debian's VTK Qt module is built for
// Qt5, so this bridge replaces QVTKOpenGLNativeWidget for our Qt6 build.
//
// Mouse, wheel, enter/leave and key events are forwarded to a
// vtkGenericRenderWindowInteractor whose default style is trackball camera.
// Interactor timers are not implemented (timer-driven styles such as joystick
// or fly-through will not animate). Interactor render requests are coalesced
// into the next paint; renderWindow()->Render() also works and shows the frame.
class VtkOpenGLWidget : public QOpenGLWidget {
    Q_OBJECT

public:
    explicit VtkOpenGLWidget(QWidget* parent = nullptr);
    ~VtkOpenGLWidget() override;

    VtkOpenGLWidget(const VtkOpenGLWidget&) = delete;
    VtkOpenGLWidget& operator=(const VtkOpenGLWidget&) = delete;

    vtkGenericOpenGLRenderWindow* renderWindow() const;
    vtkRenderWindowInteractor* interactor() const;

    // Sets the OpenGL 3.2 core default QSurfaceFormat VTK needs. Call it before
    // the QApplication is constructed.
    static void setDefaultSurfaceFormat();

    // Asks for a VTK render on the next paint (use after changing the scene).
    void requestRender();

    // The widget's current content, rendered if needed (grabFramebuffer()).
    QImage grabRendered();

Q_SIGNALS:
    // A left press and release within 4 px (never leaving that radius), after VTK
    // saw both. pos is the press position in logical pixels, Y down.
    void clicked(QPoint pos);
    // Every mouse move (mouse tracking is on); logical pixels, Y down.
    void hovered(QPoint pos);

protected:
    void initializeGL() override;
    void resizeGL(int w, int h) override;
    void paintGL() override;

    void mousePressEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void enterEvent(QEnterEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void keyReleaseEvent(QKeyEvent* event) override;

private:
    struct Impl;
    std::unique_ptr<Impl> d_;
};

}  // namespace latent::ui
