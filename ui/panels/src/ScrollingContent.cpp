#include "latent/ui/ScrollingContent.h"

#include <QAbstractSpinBox>
#include <QComboBox>
#include <QEvent>
#include <QScrollArea>
#include <QSlider>
#include <QVBoxLayout>

namespace latent::ui {
namespace {

// Passes the wheel on to the scroll area while a value control has no focus: scrolling a
// dock over a method box or a slider changed its setting (a user scrolling the Clusters
// dock switched HDBSCAN back to Leiden). Clicked or tabbed into, the control takes it.
class WheelOnlyWhenFocused : public QObject {
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() != QEvent::Wheel) return false;
        auto* widget = static_cast<QWidget*>(watched);
        if (widget->hasFocus()) return false;
        event->ignore();  // on to the parents: the scroll area scrolls
        return true;
    }
};

}  // namespace

void fillWithScrollingContent(QWidget* owner, QWidget* content) {
    auto* scroll = new QScrollArea(owner);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(owner);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
    auto* filter = new WheelOnlyWhenFocused(scroll);
    for (QWidget* control : content->findChildren<QWidget*>()) {
        if (qobject_cast<QComboBox*>(control) || qobject_cast<QAbstractSpinBox*>(control) ||
            qobject_cast<QSlider*>(control)) {
            control->setFocusPolicy(Qt::StrongFocus);  // the wheel alone does not focus it
            control->installEventFilter(filter);
        }
    }
}

}  // namespace latent::ui
