#include "latent/ui/MessageLog.h"

#include <QDialog>
#include <QDialogButtonBox>
#include <QPlainTextEdit>
#include <QTime>
#include <QVBoxLayout>

namespace latent::ui {

MessageLog::MessageLog(QWidget* dialogParent) : QObject(dialogParent), dialogParent_(dialogParent) {}

void MessageLog::add(const QString& message) {
    if (message.trimmed().isEmpty()) return;
    const QString entry = QTime::currentTime().toString("HH:mm:ss") + "  " + message;
    entries_.append(entry);
    if (entries_.size() > kMaxEntries) entries_.removeFirst();
    if (text_) text_->appendPlainText(entry);
}

void MessageLog::show() {
    if (!dialog_) {
        dialog_ = new QDialog(dialogParent_);
        dialog_->setObjectName("messageLog");
        dialog_->setWindowTitle(tr("Message Log"));
        dialog_->setAttribute(Qt::WA_DeleteOnClose);
        text_ = new QPlainTextEdit(dialog_);
        text_->setReadOnly(true);
        text_->setLineWrapMode(QPlainTextEdit::WidgetWidth);  // long paths wrap, never widen it
        text_->setPlainText(entries_.join('\n'));
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog_);
        connect(buttons, &QDialogButtonBox::rejected, dialog_, &QDialog::close);
        auto* layout = new QVBoxLayout(dialog_);
        layout->addWidget(text_);
        layout->addWidget(buttons);
        dialog_->resize(720, 360);
        connect(dialog_, &QObject::destroyed, this, [this] { text_ = nullptr; });
    }
    dialog_->show();
    dialog_->raise();
    text_->moveCursor(QTextCursor::End);
}

}  // namespace latent::ui
