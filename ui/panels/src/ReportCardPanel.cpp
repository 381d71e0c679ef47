#include "latent/ui/ReportCardPanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "latent/ui/JobStatus.h"
#include "latent/ui/ReportCardView.h"
#include "latent/ui/ScrollingContent.h"

namespace latent::ui {

ReportCardPanel::ReportCardPanel(QWidget* parent)
    : QWidget(parent),
      measure_(new QPushButton(tr("Measure"), this)),
      cancel_(new QPushButton(tr("Cancel"), this)),
      export_(new QPushButton(tr("Export…"), this)),
      seed_(new QSpinBox(this)),
      job_(new JobStatus(this)),
      view_(new ReportCardView) {
    measure_->setToolTip(tr("Measure continuity, disentanglement, compactness, separability and generalisation "
                            "of the current model on the current data"));
    export_->setToolTip(tr("Save the card as a self-contained HTML page, JSON or a PNG image"));
    seed_->setRange(0, 999999);
    seed_->setValue(1);
    seed_->setToolTip(tr("Seed of every sample the card draws: the same seed gives the same card"));

    // Everything scrolls as one: the dock shares a column with others and must never make
    // the window taller than it is (its buttons and notes above a scroll area did, by 80 px).
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(measure_);
    buttons->addWidget(cancel_);
    buttons->addWidget(new QLabel(tr("Seed"), content));
    buttons->addWidget(seed_);
    buttons->addStretch(1);
    buttons->addWidget(export_);
    column->addLayout(buttons);
    column->addWidget(job_);
    column->addWidget(view_, 1);
    fillWithScrollingContent(this, content);

    connect(measure_, &QPushButton::clicked, this, [this] { Q_EMIT measureRequested(seed()); });
    connect(cancel_, &QPushButton::clicked, this, &ReportCardPanel::cancelRequested);
    connect(export_, &QPushButton::clicked, this, &ReportCardPanel::exportRequested);
    connect(job_, &JobStatus::runningChanged, this, &ReportCardPanel::updateButtons);
    setMeasurable(false, tr("Open a model and data to measure their latent space."));
}

std::uint64_t ReportCardPanel::seed() const { return static_cast<std::uint64_t>(seed_->value()); }
void ReportCardPanel::setSeed(std::uint64_t seed) { seed_->setValue(static_cast<int>(seed)); }
QString ReportCardPanel::status() const { return job_->text(); }
bool ReportCardPanel::running() const { return job_->running(); }

void ReportCardPanel::setMeasurable(bool measurable, const QString& why) {
    measurable_ = measurable;
    clearCard();
    job_->showIdle(measurable ? tr("Measure the latent space of the current model and data: about 10 s for "
                                   "10,000 items, in the background.")
                              : why);
}

void ReportCardPanel::showRunning() { job_->showRunning(tr("Measuring…")); }

void ReportCardPanel::setProgress(double fraction, const QString& message) { job_->setProgress(fraction, message); }

void ReportCardPanel::showCard(latent::ReportCard card) {
    view_->setCard(card);
    card_ = std::move(card);
    job_->showIdle({});  // the card's own first line says what was measured, and how long it took
}

void ReportCardPanel::showStopped(const QString& message) { job_->showIdle(message); }

void ReportCardPanel::clearCard() {
    job_->showIdle({});
    card_.reset();
    view_->clear();
    updateButtons();
}

void ReportCardPanel::updateButtons() {
    const bool running = job_->running();
    measure_->setEnabled(measurable_ && !running);
    cancel_->setEnabled(running);
    seed_->setEnabled(!running);
    export_->setEnabled(measurable_ && !running);
}

}  // namespace latent::ui
