#include "latent/ui/ModelSettingsPanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QThread>
#include <algorithm>
#include <limits>

namespace latent::ui {

namespace {
// Enough for a dense map, few enough that a prior sample stays a few seconds' work.
constexpr int kMaxPriorSamples = 100000;
}  // namespace

ModelSettingsPanel::ModelSettingsPanel(QWidget* parent)
    : QWidget(parent),
      samples_(new QSpinBox(this)),
      seed_(new QSpinBox(this)),
      resample_(new QPushButton(tr("Sample the prior again"), this)),
      priorNote_(new QLabel(this)),
      threads_(new QSpinBox(this)),
      scaling_(new QComboBox(this)) {
    samples_->setRange(10, kMaxPriorSamples);
    samples_->setSingleStep(500);
    samples_->setToolTip(tr("How many latents to draw from the prior for the map"));
    seed_->setRange(0, std::numeric_limits<int>::max());
    seed_->setToolTip(tr("Same seed, same samples"));
    threads_->setRange(1, std::max(1, QThread::idealThreadCount()));
    threads_->setToolTip(tr("Threads the model uses to decode and encode"));
    scaling_->addItem(tr("Nearest (crisp pixels)"), false);
    scaling_->addItem(tr("Smooth"), true);
    scaling_->setToolTip(tr("How decoded and dataset images are enlarged in the image panel"));
    priorNote_->setWordWrap(true);
    priorNote_->setStyleSheet("color: #5b6570;");

    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Prior samples"), samples_);
    form->addRow(tr("Prior seed"), seed_);
    form->addRow(QString(), resample_);
    form->addRow(QString(), priorNote_);
    form->addRow(tr("Inference threads"), threads_);
    form->addRow(tr("Image scaling"), scaling_);
    setPrior(false, 2000, 1);

    connect(resample_, &QPushButton::clicked, this,
            [this] { Q_EMIT priorRequested(samples_->value(), static_cast<quint64>(seed_->value())); });
    connect(threads_, &QSpinBox::valueChanged, this, &ModelSettingsPanel::threadsChanged);
    connect(scaling_, &QComboBox::currentIndexChanged, this,
            [this] { Q_EMIT smoothScalingChanged(scaling_->currentData().toBool()); });
}

void ModelSettingsPanel::setPrior(bool generatorOnly, std::size_t samples, std::uint64_t seed) {
    samples_->setValue(static_cast<int>(std::min<std::size_t>(samples, kMaxPriorSamples)));
    seed_->setValue(static_cast<int>(std::min<std::uint64_t>(seed, static_cast<std::uint64_t>(seed_->maximum()))));
    for (QWidget* w : {static_cast<QWidget*>(samples_), static_cast<QWidget*>(seed_),
                       static_cast<QWidget*>(resample_)}) {
        w->setEnabled(generatorOnly);
    }
    priorNote_->setText(generatorOnly ? tr("The map shows these prior samples; applying rebuilds it.")
                                      : tr("This model has an encoder: the map shows the dataset's latents."));
}

void ModelSettingsPanel::setThreads(int threads) {
    const QSignalBlocker quiet(threads_);
    threads_->setValue(threads);
}

}  // namespace latent::ui
