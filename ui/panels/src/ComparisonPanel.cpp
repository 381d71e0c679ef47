#include "latent/ui/ComparisonPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QVBoxLayout>

#include "latent/ui/ImageConvert.h"
#include "latent/ui/JobStatus.h"
#include "latent/ui/RunTimeline.h"
#include "latent/ui/ScrollingContent.h"
#include "latent/ui/WrappableText.h"

namespace latent::ui {
namespace {

constexpr int kPicture = 96;  // px: three side by side fit the dock's width

QLabel* pictureSlot(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setFixedSize(kPicture, kPicture);
    label->setAlignment(Qt::AlignCenter);
    label->setFrameShape(QFrame::StyledPanel);
    label->setWordWrap(true);
    return label;
}

void showPicture(QLabel* label, const latent::Image& image) {
    // Crisp pixels: these are small images enlarged.
    label->setPixmap(QPixmap::fromImage(toQImage(image)).scaled(kPicture - 4, kPicture - 4, Qt::KeepAspectRatio,
                                                                 Qt::FastTransformation));
}

}  // namespace

ComparisonPanel::ComparisonPanel(QWidget* parent)
    : QWidget(parent),
      compare_(new QPushButton(tr("Compare With Model…"), this)),
      close_(new QPushButton(tr("Close Comparison"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      job_(new JobStatus(this)),
      summary_(new QLabel(this)),
      timeline_(new RunTimeline(this)),
      item_(new QLabel(this)),
      originalCaption_(new QLabel(tr("Original"), this)),
      firstCaption_(new QLabel(this)),
      secondCaption_(new QLabel(this)),
      original_(pictureSlot(this)),
      first_(pictureSlot(this)),
      second_(pictureSlot(this)) {
    compare_->setToolTip(tr("Open a second model of the same input size on these images: its map beside "
                            "this one, linked, and where the two agree"));
    makeDockNote(summary_);
    summary_->setForegroundRole(QPalette::WindowText);  // a result, not a hint
    makeDockNote(item_);
    item_->setForegroundRole(QPalette::WindowText);
    for (auto* caption : {originalCaption_, firstCaption_, secondCaption_}) {
        caption->setAlignment(Qt::AlignCenter);
        caption->setMaximumWidth(kPicture);
    }

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(compare_);
    buttons->addWidget(close_);
    buttons->addWidget(cancel_);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addWidget(job_);
    column->addWidget(summary_);
    column->addWidget(timeline_);
    column->addWidget(item_);
    auto* pictures = new QGridLayout;
    pictures->addWidget(original_, 0, 0);
    pictures->addWidget(first_, 0, 1);
    pictures->addWidget(second_, 0, 2);
    pictures->addWidget(originalCaption_, 1, 0);
    pictures->addWidget(firstCaption_, 1, 1);
    pictures->addWidget(secondCaption_, 1, 2);
    pictures->setColumnStretch(3, 1);
    column->addLayout(pictures);
    column->addStretch(1);
    fillWithScrollingContent(this, content);

    connect(compare_, &QPushButton::clicked, this, &ComparisonPanel::compareRequested);
    connect(close_, &QPushButton::clicked, this, &ComparisonPanel::closeRequested);
    connect(cancel_, &QPushButton::clicked, this, &ComparisonPanel::cancelRequested);
    connect(job_, &JobStatus::runningChanged, this, &ComparisonPanel::updateButtons);
    showIdle(tr("Compare this map with another model of the same input size: its map opens beside this one, "
                "linked, aligned to it, with each item's agreement to colour by."));
}

void ComparisonPanel::showIdle(const QString& message) {
    comparing_ = false;
    job_->showIdle(message);
    summary_->clear();
    summary_->hide();
    timeline_->setRun({}, 0);
    showItem({}, nullptr);
    for (auto* caption : {firstCaption_, secondCaption_}) caption->clear();
    for (auto* widget : {static_cast<QWidget*>(original_), static_cast<QWidget*>(first_),
                         static_cast<QWidget*>(second_), static_cast<QWidget*>(originalCaption_)}) {
        widget->hide();
    }
    updateButtons();
}

void ComparisonPanel::showRunning(const QString& message) { job_->showRunning(message); }

void ComparisonPanel::setProgress(double fraction, const QString& message) { job_->setProgress(fraction, message); }

void ComparisonPanel::showStopped(const QString& message) { job_->showIdle(message); }

void ComparisonPanel::showComparison(const QString& first, const QString& second, const QString& summary) {
    comparing_ = true;
    job_->showIdle(wrappable(tr("This map (%1) beside %2's, aligned to it.").arg(first, second)));
    summary_->setText(summary);
    summary_->show();
    // Long names (a folder and a file) shortened in the middle: the file's end stays.
    firstCaption_->setText(firstCaption_->fontMetrics().elidedText(first, Qt::ElideMiddle, kPicture));
    secondCaption_->setText(secondCaption_->fontMetrics().elidedText(second, Qt::ElideMiddle, kPicture));
    firstCaption_->setToolTip(first);
    secondCaption_->setToolTip(second);
    for (auto* widget : {static_cast<QWidget*>(original_), static_cast<QWidget*>(first_),
                         static_cast<QWidget*>(second_), static_cast<QWidget*>(originalCaption_)}) {
        widget->show();
    }
    updateButtons();
}

void ComparisonPanel::showItem(const QString& caption, const latent::Image* original) {
    item_->setText(caption);
    item_->setVisible(!caption.isEmpty());
    if (original && !original->pixels.empty()) {
        showPicture(original_, *original);
    } else {
        original_->clear();
    }
    first_->clear();
    second_->clear();
}

void ComparisonPanel::setDecoded(Side side, const latent::Image& image) { showPicture(picture(side), image); }

void ComparisonPanel::setDecodeMessage(Side side, const QString& message) {
    picture(side)->clear();
    picture(side)->setText(message);
}

QString ComparisonPanel::status() const { return job_->text(); }
QString ComparisonPanel::summary() const { return summary_->text(); }
QString ComparisonPanel::itemCaption() const { return item_->text(); }
bool ComparisonPanel::hasPicture(Side side) const { return !picture(side)->pixmap().isNull(); }

void ComparisonPanel::updateButtons() {
    const bool running = job_->running();
    compare_->setEnabled(!running);
    close_->setVisible(comparing_ && !running);
    cancel_->setVisible(running);
}

}  // namespace latent::ui
