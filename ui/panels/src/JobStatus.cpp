#include "latent/ui/JobStatus.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "latent/ui/WrappableText.h"

namespace latent::ui {

JobStatus::JobStatus(QWidget* parent)
    : QWidget(parent), progress_(new QProgressBar(this)), status_(new QLabel(this)) {
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    progress_->setMaximumHeight(8);
    progress_->hide();
    makeDockNote(status_);
    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addWidget(progress_);
    column->addWidget(status_);
}

void JobStatus::showRunning(const QString& message) {
    progress_->setValue(0);
    status_->setText(message);
    setRunning(true);
}

void JobStatus::setProgress(double fraction, const QString& message) {
    progress_->setValue(static_cast<int>(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000.0)));
    if (!message.isEmpty()) status_->setText(message);
}

void JobStatus::showIdle(const QString& message) {
    status_->setText(message);
    setRunning(false);
}

QString JobStatus::text() const { return status_->text(); }

void JobStatus::setRunning(bool running) {
    progress_->setVisible(running);
    if (running == running_) return;
    running_ = running;
    Q_EMIT runningChanged(running);
}

}  // namespace latent::ui
