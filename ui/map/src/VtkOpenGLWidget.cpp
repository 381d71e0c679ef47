#include "latent/ui/VtkOpenGLWidget.h"

#include <vtkCommand.h>
#include <vtkGenericOpenGLRenderWindow.h>
#include <vtkGenericRenderWindowInteractor.h>
#include <vtkInteractorStyleTrackballCamera.h>
#include <vtkNew.h>
#include <vtkOpenGLState.h>

#include <QElapsedTimer>
#include <QEnterEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QOffscreenSurface>
#include <QOpenGLContext>
#include <QOpenGLFramebufferObject>
#include <QOpenGLFunctions>
#include <QPainter>
#include <QSurfaceFormat>
#include <QWheelEvent>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

namespace latent::ui {
namespace {

// A press and release closer than this (logical px) count as a click.
constexpr int kClickSlop = 4;
// One wheel notch in QWheelEvent::angleDelta() units (1/8 degree).
constexpr int kWheelStep = 120;

bool withinSlop(QPoint a, QPoint b) {
    const QPoint d = a - b;
    return d.x() * d.x() + d.y() * d.y() <= kClickSlop * kClickSlop;
}

// X11-style key names used by VTK's interactor styles (e.g. "Up", "Return").
const char* keySymFor(int key) {
    // clang-format off
    static const std::pair<int, const char*> table[] = {
        {Qt::Key_Left, "Left"}, {Qt::Key_Right, "Right"}, {Qt::Key_Up, "Up"},
        {Qt::Key_Down, "Down"}, {Qt::Key_Return, "Return"}, {Qt::Key_Enter, "KP_Enter"},
        {Qt::Key_Escape, "Escape"}, {Qt::Key_Tab, "Tab"}, {Qt::Key_Backspace, "BackSpace"},
        {Qt::Key_Delete, "Delete"}, {Qt::Key_Home, "Home"}, {Qt::Key_End, "End"},
        {Qt::Key_PageUp, "Prior"}, {Qt::Key_PageDown, "Next"}, {Qt::Key_Space, "space"},
        {Qt::Key_Plus, "plus"}, {Qt::Key_Minus, "minus"}, {Qt::Key_Shift, "Shift_L"},
        {Qt::Key_Control, "Control_L"}, {Qt::Key_Alt, "Alt_L"},
    };
    // clang-format on
    for (const auto& [k, name] : table) {
        if (k == key) {
            return name;
        }
    }
    return nullptr;
}

// The vtkCommand event for a button press/release, or 0 for buttons VTK ignores.
unsigned long buttonEvent(Qt::MouseButton button, bool press) {
    switch (button) {
        case Qt::LeftButton:
            return press ? vtkCommand::LeftButtonPressEvent : vtkCommand::LeftButtonReleaseEvent;
        case Qt::MiddleButton:
            return press ? vtkCommand::MiddleButtonPressEvent
                         : vtkCommand::MiddleButtonReleaseEvent;
        case Qt::RightButton:
            return press ? vtkCommand::RightButtonPressEvent : vtkCommand::RightButtonReleaseEvent;
        default:
            return 0;
    }
}

}  // namespace

struct VtkOpenGLWidget::Impl {
    explicit Impl(VtkOpenGLWidget& owner) : self(owner) {}
    ~Impl() {
        // The render window may outlive us if callers kept a reference.
        for (const auto& [object, tag] : observers) {
            object->RemoveObserver(tag);
        }
    }
    Impl(const Impl&) = delete;
    Impl& operator=(const Impl&) = delete;

    VtkOpenGLWidget& self;
    vtkNew<vtkGenericOpenGLRenderWindow> window;
    vtkNew<vtkGenericRenderWindowInteractor> interactor;
    std::vector<std::pair<vtkObject*, unsigned long>> observers;
    // VTK draws with a context of our own on an offscreen surface; each frame is copied
    // into `frame` and painted like any image.
    std::unique_ptr<QOffscreenSurface> surface;
    std::unique_ptr<QOpenGLContext> context;
    std::unique_ptr<QOpenGLFramebufferObject> target;  // VTK's frame, unflipped, our size
    QImage frame;
    double lastFrameMs = 0.0;

    bool glReady = false;
    bool glFailed = false;
    bool renderPending = true;
    bool frameStale = true;  // VTK has a frame `frame` does not show yet
    bool inPaint = false;
    bool clickCandidate = false;
    QPoint pressPos;
    QPoint wheelAccum;

    template <typename Method>
    void observe(vtkObject* object, unsigned long event, Method method) {
        observers.emplace_back(object, object->AddObserver(event, this, method));
    }

    void makeCurrent(vtkObject*, unsigned long, void*) {
        if (context) context->makeCurrent(surface.get());
    }
    void isCurrent(vtkObject*, unsigned long, void* callData) {
        *static_cast<bool*>(callData) =
            context && QOpenGLContext::currentContext() == context.get();
    }
    // A render started outside our paint (caller ran window->Render()): VTK's display
    // buffer is fresh, so the next paint only needs to copy it.
    void frameDone(vtkObject*, unsigned long, void*) {
        if (!inPaint && window->GetSwapBuffers()) {
            frameStale = true;
            self.update();
        }
    }
    // The interactor asked for a render; coalesce into the next paint.
    void renderRequested(vtkObject*, unsigned long, void*) { self.requestRender(); }

    // The context, made on first use; false (and a note on stderr) if the platform has no
    // OpenGL 3.2: the widget then stays blank instead of crashing.
    bool ensureContext() {
        if (glReady || glFailed) return glReady;
        surface = std::make_unique<QOffscreenSurface>();
        surface->setFormat(QSurfaceFormat::defaultFormat());
        surface->create();
        context = std::make_unique<QOpenGLContext>();
        context->setFormat(QSurfaceFormat::defaultFormat());
        if (!context->create() || !context->makeCurrent(surface.get())) {
            qWarning("VtkOpenGLWidget: no OpenGL context; the map cannot be drawn");
            context.reset();
            glFailed = true;
            return false;
        }
        window->GetState()->Reset();
        window->SetReadyForRendering(true);
        window->OpenGLInitContext();
        glReady = true;
        return true;
    }

    // Renders the scene if asked for, then copies VTK's frame into `frame`.
    void updateFrame() {
        if (!ensureContext()) return;
        context->makeCurrent(surface.get());
        vtkOpenGLState* state = window->GetState();
        state->Reset();  // toImage-style reads and Qt may have moved GL state behind VTK's cache
        state->Push();
        state->vtkglDepthFunc(GL_LEQUAL);
        QElapsedTimer timer;
        timer.start();
        const bool rendering = renderPending;
        if (renderPending) {
            inPaint = true;
            renderPending = false;
            window->Render();
            inPaint = false;
        }
        const int* size = window->GetSize();
        const QSize device(size[0], size[1]);
        if (!target || target->size() != device)
            target = std::make_unique<QOpenGLFramebufferObject>(device);
        state->vtkglBindFramebuffer(GL_DRAW_FRAMEBUFFER, target->handle());
        GLenum drawBuffer = GL_COLOR_ATTACHMENT0;
        state->vtkglDrawBuffers(1, &drawBuffer);
        window->BlitDisplayFramebuffer(0, 0, 0, size[0], size[1], 0, 0, size[0], size[1],
                                       GL_COLOR_BUFFER_BIT, GL_NEAREST);
        state->vtkglBindFramebuffer(GL_READ_FRAMEBUFFER, target->handle());
        // VTK's background alpha is 0: read it as opaque (RGBX).
        QImage image(device, QImage::Format_RGBX8888);
        context->functions()->glReadPixels(0, 0, device.width(), device.height(), GL_RGBA,
                                           GL_UNSIGNED_BYTE, image.bits());
        state->Pop();
        frame = image.mirrored();  // GL rows run bottom-up
        frame.setDevicePixelRatio(self.devicePixelRatioF());
        frameStale = false;
        if (rendering) lastFrameMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    }

    void releaseGraphics() {
        if (!glReady) {
            return;
        }
        context->makeCurrent(surface.get());
        window->ReleaseGraphicsResources(window);
        window->SetReadyForRendering(false);
        target.reset();
        context->doneCurrent();
        glReady = false;
        renderPending = true;
    }

    void setPointerInfo(QPointF logical, Qt::KeyboardModifiers mods, int repeat) {
        const qreal dpr = self.devicePixelRatioF();
        const int x = static_cast<int>(std::lround(logical.x() * dpr));
        const int y = static_cast<int>(std::lround(logical.y() * dpr));
        interactor->SetEventInformationFlipY(x, y, (mods & Qt::ControlModifier) ? 1 : 0,
                                             (mods & Qt::ShiftModifier) ? 1 : 0, 0, repeat);
        interactor->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
    }

    void setKeyInfo(const QKeyEvent& ev) {
        const QString text = ev.text();
        char code = 0;
        if (text.size() == 1 && text.at(0).unicode() > 31 && text.at(0).unicode() < 127) {
            code = static_cast<char>(text.at(0).unicode());
        }
        std::string sym;
        if (const char* named = keySymFor(ev.key())) {
            sym = named;
        } else if (code != 0) {
            sym.assign(1, code);
        }
        const Qt::KeyboardModifiers mods = ev.modifiers();
        interactor->SetKeyEventInformation((mods & Qt::ControlModifier) ? 1 : 0,
                                           (mods & Qt::ShiftModifier) ? 1 : 0, code,
                                           ev.isAutoRepeat() ? 1 : 0, sym.c_str());
        interactor->SetAltKey((mods & Qt::AltModifier) ? 1 : 0);
    }
};

VtkOpenGLWidget::VtkOpenGLWidget(QWidget* parent)
    : QWidget(parent), d_(std::make_unique<Impl>(*this)) {
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setAttribute(Qt::WA_OpaquePaintEvent);  // the frame covers every pixel

    vtkGenericOpenGLRenderWindow* win = d_->window;
    win->SetReadyForRendering(false);  // until the first paint gives us a context
    win->SetOwnContext(false);
    win->SetFrameBlitModeToNoBlit();  // updateFrame blits into our framebuffer
    win->SetInteractor(d_->interactor);
    d_->observe(win, vtkCommand::WindowMakeCurrentEvent, &Impl::makeCurrent);
    d_->observe(win, vtkCommand::WindowIsCurrentEvent, &Impl::isCurrent);
    d_->observe(win, vtkCommand::WindowFrameEvent, &Impl::frameDone);

    // Interactor renders become update() calls: fast mouse moves share one frame.
    d_->interactor->EnableRenderOff();
    d_->observe(d_->interactor, vtkCommand::RenderEvent, &Impl::renderRequested);
    // VTK's default style switch starts in joystick mode, which needs interactor
    // timers this bridge does not provide.
    vtkNew<vtkInteractorStyleTrackballCamera> style;
    d_->interactor->SetInteractorStyle(style);
    d_->interactor->Initialize();
}

VtkOpenGLWidget::~VtkOpenGLWidget() {
    d_->releaseGraphics();
}

vtkGenericOpenGLRenderWindow* VtkOpenGLWidget::renderWindow() const {
    return d_->window;
}

vtkRenderWindowInteractor* VtkOpenGLWidget::interactor() const {
    return d_->interactor;
}

void VtkOpenGLWidget::setDefaultSurfaceFormat() {
    QSurfaceFormat fmt;
    fmt.setRenderableType(QSurfaceFormat::OpenGL);
    fmt.setVersion(3, 2);
    fmt.setProfile(QSurfaceFormat::CoreProfile);
    fmt.setSwapBehavior(QSurfaceFormat::DoubleBuffer);
    fmt.setRedBufferSize(8);
    fmt.setGreenBufferSize(8);
    fmt.setBlueBufferSize(8);
    fmt.setAlphaBufferSize(8);
    fmt.setDepthBufferSize(24);
    fmt.setStencilBufferSize(8);
    // VTK multisamples in its own framebuffers; a multisampled context only costs memory.
    fmt.setSamples(0);
    QSurfaceFormat::setDefaultFormat(fmt);
}

void VtkOpenGLWidget::requestRender() {
    d_->renderPending = true;
    update();
}

double VtkOpenGLWidget::lastFrameMs() const {
    return d_->lastFrameMs;
}

QImage VtkOpenGLWidget::grabRendered() {
    if (d_->renderPending || d_->frameStale) d_->updateFrame();
    return d_->frame;
}

void VtkOpenGLWidget::resizeEvent(QResizeEvent* ev) {
    const qreal dpr = devicePixelRatioF();
    const int dw = static_cast<int>(std::lround(width() * dpr));
    const int dh = static_cast<int>(std::lround(height() * dpr));
    d_->window->SetSize(dw, dh);
    d_->interactor->UpdateSize(dw, dh);
    d_->window->SetDPI(static_cast<int>(std::lround(72 * dpr)));  // text scales with the screen
    d_->renderPending = true;
    QWidget::resizeEvent(ev);
    Q_EMIT resized();
}

void VtkOpenGLWidget::paintEvent(QPaintEvent*) {
    if (d_->renderPending || d_->frameStale) d_->updateFrame();
    QPainter painter(this);
    if (d_->frame.isNull()) {
        painter.fillRect(rect(), palette().window());
        return;
    }
    painter.drawImage(QPoint(0, 0), d_->frame);
    Q_EMIT framePainted();
}

void VtkOpenGLWidget::mousePressEvent(QMouseEvent* ev) {
    const unsigned long vtkEvent = buttonEvent(ev->button(), true);
    if (vtkEvent == 0) {
        QWidget::mousePressEvent(ev);
        return;
    }
    if (ev->button() == Qt::LeftButton) {
        d_->clickCandidate = true;
        d_->pressPos = ev->position().toPoint();
    }
    const int repeat = ev->type() == QEvent::MouseButtonDblClick ? 1 : 0;
    d_->setPointerInfo(ev->position(), ev->modifiers(), repeat);
    d_->interactor->InvokeEvent(vtkEvent, nullptr);
    ev->accept();
}

void VtkOpenGLWidget::mouseDoubleClickEvent(QMouseEvent* ev) {
    // Qt replaces the second press with this event; VTK expects a press with repeat = 1.
    mousePressEvent(ev);
}

void VtkOpenGLWidget::mouseReleaseEvent(QMouseEvent* ev) {
    const unsigned long vtkEvent = buttonEvent(ev->button(), false);
    if (vtkEvent == 0) {
        QWidget::mouseReleaseEvent(ev);
        return;
    }
    d_->setPointerInfo(ev->position(), ev->modifiers(), 0);
    d_->interactor->InvokeEvent(vtkEvent, nullptr);
    ev->accept();

    // Emitted after VTK saw the release, at the press position (where the user aimed).
    if (ev->button() == Qt::LeftButton && d_->clickCandidate) {
        d_->clickCandidate = false;
        if (withinSlop(ev->position().toPoint(), d_->pressPos)) {
            Q_EMIT clicked(d_->pressPos);
        }
    }
}

void VtkOpenGLWidget::mouseMoveEvent(QMouseEvent* ev) {
    const QPoint pos = ev->position().toPoint();
    // Once a drag leaves the slop circle it is no longer a click, even if it comes back.
    if (d_->clickCandidate && !withinSlop(pos, d_->pressPos)) {
        d_->clickCandidate = false;
    }
    d_->setPointerInfo(ev->position(), ev->modifiers(), 0);
    d_->interactor->InvokeEvent(vtkCommand::MouseMoveEvent, nullptr);
    ev->accept();
    Q_EMIT hovered(pos);
}

void VtkOpenGLWidget::wheelEvent(QWheelEvent* ev) {
    d_->setPointerInfo(ev->position(), ev->modifiers(), 0);
    // Touchpads send fractions of a notch: accumulate, emit whole notches.
    QPoint& acc = d_->wheelAccum;
    const QPoint delta = ev->angleDelta();
    acc.setX(delta.x() * acc.x() < 0 ? delta.x() : acc.x() + delta.x());
    acc.setY(delta.y() * acc.y() < 0 ? delta.y() : acc.y() + delta.y());
    const auto emitSteps = [this](int& value, unsigned long positive, unsigned long negative) {
        for (; value >= kWheelStep; value -= kWheelStep) {
            d_->interactor->InvokeEvent(positive, nullptr);
        }
        for (; value <= -kWheelStep; value += kWheelStep) {
            d_->interactor->InvokeEvent(negative, nullptr);
        }
    };
    emitSteps(acc.ry(), vtkCommand::MouseWheelForwardEvent, vtkCommand::MouseWheelBackwardEvent);
    emitSteps(acc.rx(), vtkCommand::MouseWheelLeftEvent, vtkCommand::MouseWheelRightEvent);
    ev->accept();
}

void VtkOpenGLWidget::enterEvent(QEnterEvent* ev) {
    d_->setPointerInfo(ev->position(), ev->modifiers(), 0);
    d_->interactor->InvokeEvent(vtkCommand::EnterEvent, nullptr);
    QWidget::enterEvent(ev);
}

void VtkOpenGLWidget::leaveEvent(QEvent* ev) {
    d_->interactor->InvokeEvent(vtkCommand::LeaveEvent, nullptr);
    QWidget::leaveEvent(ev);
}

void VtkOpenGLWidget::keyPressEvent(QKeyEvent* ev) {
    d_->setKeyInfo(*ev);
    d_->interactor->InvokeEvent(vtkCommand::KeyPressEvent, nullptr);
    if (d_->interactor->GetKeyCode() != 0) {
        d_->interactor->InvokeEvent(vtkCommand::CharEvent, nullptr);
    }
    QWidget::keyPressEvent(ev);  // lets parents see unhandled shortcuts
}

void VtkOpenGLWidget::keyReleaseEvent(QKeyEvent* ev) {
    d_->setKeyInfo(*ev);
    d_->interactor->InvokeEvent(vtkCommand::KeyReleaseEvent, nullptr);
    QWidget::keyReleaseEvent(ev);
}

}  // namespace latent::ui
