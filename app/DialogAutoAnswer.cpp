#include "DialogAutoAnswer.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QMessageBox>
#include <QPushButton>
#include <iostream>

namespace latent::app {

DialogAutoAnswer::DialogAutoAnswer(QObject* parent) : QObject(parent) {
    // A dialog's exec() runs its own event loop, in which this timer still fires.
    poll_.setInterval(200);
    connect(&poll_, &QTimer::timeout, this, &DialogAutoAnswer::answerOpenDialog);
    poll_.start();
}

void DialogAutoAnswer::answerOpenDialog() {
    QWidget* modal = QApplication::activeModalWidget();
    if (!modal) return;
    std::cerr << "latent-explorer: --screenshot: a dialog asked \"" << modal->windowTitle().toStdString()
              << "\"";
    if (auto* box = qobject_cast<QMessageBox*>(modal)) {
        std::cerr << " (" << box->text().toStdString() << ")";
        if (QAbstractButton* answer = box->defaultButton()) {
            std::cerr << "; answered \"" << answer->text().remove('&').toStdString() << "\"\n";
            answer->click();
            return;
        }
    }
    std::cerr << "; cancelled\n";
    if (auto* dialog = qobject_cast<QDialog*>(modal)) {
        dialog->reject();
    } else {
        modal->close();
    }
}

}  // namespace latent::app
