#include "latent/ui/ScrollingContent.h"

#include <QScrollArea>
#include <QVBoxLayout>

namespace latent::ui {

void fillWithScrollingContent(QWidget* owner, QWidget* content) {
    auto* scroll = new QScrollArea(owner);
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* outer = new QVBoxLayout(owner);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->addWidget(scroll);
}

}  // namespace latent::ui
