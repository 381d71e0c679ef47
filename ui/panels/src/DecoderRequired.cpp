#include "latent/ui/DecoderRequired.h"

#include <QLabel>

namespace latent::ui {

DecoderRequired::DecoderRequired(QWidget* panel, const QString& what, QWidget* parent)
    : QStackedWidget(parent), what_(what), notice_(new QLabel(this)) {
    addWidget(panel);
    notice_->setWordWrap(true);
    notice_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    notice_->setMargin(10);
    notice_->setStyleSheet("color: #5b6570;");
    addWidget(notice_);
}

void DecoderRequired::setAvailable(bool available, const QString& why) {
    notice_->setText(
        tr("%1, so it needs a model with a decoder. %2\n\nOpen one with File → Open Model…")
            .arg(what_, why));
    setCurrentIndex(available ? 0 : 1);
}

QString DecoderRequired::explanation() const {
    return isAvailable() ? QString() : notice_->text();
}

}  // namespace latent::ui
