#pragma once

#include <QImage>
#include <QPoint>
#include <QWidget>
#include <memory>

class vtkGenericOpenGLRenderWindow;
class vtkRenderWindowInteractor;

namespace latent::ui {

// A widget that shows a vtkGenericOpenGLRenderWindow. Debian's VTK Qt module is built for
// Qt5, so this bridge replaces QVTKOpenGLNativeWidget for our Qt6 build.
//
// VTK renders with an OpenGL context of the widget's own on an offscreen surface; each
// frame is read back into an image and painted like any other widget. The window around
// it therefore stays a plain raster window: a QOpenGLWidget made Qt compose the whole
// window through OpenGL on every repaint of any widget in it (12-23 ms for a label under
// Mesa's llvmpipe), while reading a frame back costs a copy of the map's pixels.
//
// Mouse, wheel, enter/leave and key events are forwarded to a
// vtkGenericRenderWindowInteractor whose default style is trackball camera.
// Interactor timers are not implemented (timer-driven styles such as joystick
// or fly-through will not animate). Interactor render requests are coalesced
// into the next paint; renderWindow()->Render() also works and shows the frame.
class VtkOpenGLWidget : public QWidget {
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

    // How long the last VTK render and read-back took (0 before the first).
    double lastFrameMs() const;

    // The map's current frame (device pixels), rendered if needed.
    QImage grabRendered();

Q_SIGNALS:
    // A left press and release within 4 px (never leaving that radius), after VTK
    // saw both. pos is the press position in logical pixels, Y down.
    void clicked(QPoint pos);
    // Every mouse move (mouse tracking is on); logical pixels, Y down.
    void hovered(QPoint pos);
    // A VTK frame was painted into the widget.
    void framePainted();
    // The widget changed size (the render window already has the new size).
    void resized();

protected:
    void resizeEvent(QResizeEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

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
