#include "latent/ui/RunTimeline.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QTimer>
#include <QVBoxLayout>
#include <cmath>

#include "latent/ui/RunCurveChart.h"

namespace latent::ui {

RunTimeline::RunTimeline(QWidget* parent)
    : QWidget(parent),
      slider_(new QSlider(Qt::Horizontal, this)),
      stepLabel_(new QLabel(this)),
      play_(new QPushButton(tr("Play"), this)),
      export_(new QPushButton(tr("Export Run…"), this)),
      player_(new QTimer(this)),
      measureChoice_(new QComboBox(this)),
      chart_(new RunCurveChart(this)) {
    slider_->setPageStep(1);
    slider_->setToolTip(tr("The checkpoint shown on the second map (←/→ step)"));
    play_->setToolTip(tr("Step through the checkpoints, one a second"));
    export_->setToolTip(tr("Save the second map at every checkpoint as an animated GIF or a numbered PNG sequence"));
    measureChoice_->setToolTip(tr("The number plotted against the checkpoints"));
    measureChoice_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    measureChoice_->setMinimumContentsLength(12);  // a long title must not widen the dock
    player_->setInterval(1000);

    auto* column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    auto* steps = new QHBoxLayout;
    steps->addWidget(play_);
    steps->addWidget(slider_, 1);
    steps->addWidget(stepLabel_);
    column->addLayout(steps);
    auto* plotted = new QHBoxLayout;
    plotted->addWidget(measureChoice_, 1);
    plotted->addWidget(export_);
    column->addLayout(plotted);
    column->addWidget(chart_);

    connect(slider_, &QSlider::valueChanged, this, [this](int step) {
        stepLabel_->setText(labels_.value(step));
        chart_->setCurrent(step);
        Q_EMIT stepRequested(step);
    });
    connect(chart_, &RunCurveChart::stepClicked, slider_, &QSlider::setValue);
    connect(play_, &QPushButton::clicked, this, &RunTimeline::playOrPause);
    connect(export_, &QPushButton::clicked, this, &RunTimeline::exportRequested);
    connect(player_, &QTimer::timeout, this, [this] {
        if (slider_->value() >= slider_->maximum()) return playOrPause();  // at the end: stop
        slider_->setValue(slider_->value() + 1);
    });
    connect(measureChoice_, &QComboBox::currentIndexChanged, this, &RunTimeline::showMeasure);
    hide();
}

void RunTimeline::setRun(const QStringList& labels, int step) {
    labels_ = labels;
    setVisible(labels.size() > 1);
    if (labels.size() < 2) {
        player_->stop();
        play_->setText(tr("Play"));
        setMeasures({});
        return;
    }
    const QSignalBlocker block(slider_);
    slider_->setRange(0, static_cast<int>(labels.size()) - 1);
    slider_->setValue(step);
    stepLabel_->setText(labels.value(step));
    stepLabel_->setMinimumWidth(stepLabel_->fontMetrics().horizontalAdvance(labels.last() + "  "));
    chart_->setCurrent(step);
}

void RunTimeline::setMeasures(std::vector<RunMeasure> measures) {
    const QString kept = measure();  // the user's choice survives a re-measure
    measures_ = std::move(measures);
    const QSignalBlocker block(measureChoice_);
    measureChoice_->clear();
    for (const auto& m : measures_) {
        measureChoice_->addItem(m.title);
        measureChoice_->setItemData(measureChoice_->count() - 1, m.sample, Qt::ToolTipRole);
    }
    measureChoice_->setVisible(!measures_.empty());
    chart_->setVisible(!measures_.empty());
    const int index = measureChoice_->findText(kept);
    measureChoice_->setCurrentIndex(index >= 0 ? index : 0);
    showMeasure(measureChoice_->currentIndex());
}

void RunTimeline::showMeasure(int index) {
    if (index < 0 || index >= static_cast<int>(measures_.size())) return chart_->setCurve({}, {});
    chart_->setCurve(labels_, measures_[static_cast<std::size_t>(index)].values);
    chart_->setCurrent(slider_->value());
}

int RunTimeline::step() const { return slider_->value(); }
bool RunTimeline::playing() const { return player_->isActive(); }
QString RunTimeline::measure() const { return measureChoice_->currentText(); }
void RunTimeline::setExportEnabled(bool enabled) { export_->setEnabled(enabled); }

void RunTimeline::playOrPause() {
    if (player_->isActive()) {
        player_->stop();
        play_->setText(tr("Play"));
        return;
    }
    if (slider_->value() >= slider_->maximum()) slider_->setValue(0);  // play again from the start
    player_->start();
    play_->setText(tr("Pause"));
}

}  // namespace latent::ui
