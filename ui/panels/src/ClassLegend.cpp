#include "latent/ui/ClassLegend.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QVBoxLayout>

#include "latent/ui/ClassPalette.h"

namespace latent::ui {
namespace {

QPixmap swatch(const QColor& color, int side) {
    QPixmap pm(side, side);
    pm.fill(Qt::transparent);
    QPainter p(&pm);
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(color.darker(130));
    p.setBrush(color);
    p.drawEllipse(QRectF(1, 1, side - 2, side - 2));
    return pm;
}

}  // namespace

ClassLegend::ClassLegend(QWidget* parent) : QWidget(parent), layout_(new QVBoxLayout(this)) {
    layout_->setSpacing(2);
}

void ClassLegend::setClasses(const std::vector<QString>& names, const std::vector<std::size_t>& counts) {
    while (QLayoutItem* item = layout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    rows_ = 0;
    for (std::size_t i = 0; i < names.size(); ++i) {
        auto* row = new QWidget(this);
        auto* h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto* dot = new QLabel(row);
        dot->setPixmap(swatch(classColor(static_cast<int>(i)), 12));
        auto* name = new QLabel(names[i], row);
        auto* count = new QLabel(i < counts.size() ? QString::number(counts[i]) : QString(), row);
        count->setStyleSheet("color: #6b7580;");
        h->addWidget(dot);
        h->addWidget(name, 1);
        h->addWidget(count);
        layout_->addWidget(row);
        ++rows_;
    }
    layout_->addStretch(1);
}

}  // namespace latent::ui
