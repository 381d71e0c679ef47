#include "latent/ui/MorphPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QTimer>
#include <cmath>

#include "latent/ui/ImageConvert.h"
#include "latent/ui/MorphEndpointPicker.h"

namespace latent::ui {
namespace {
constexpr int kThumbSide = 48;
}

MorphPanel::MorphPanel(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    ends_ = new QLabel(this);
    ends_->setWordWrap(true);
    auto* setA = new QPushButton(tr("Set A"), this);
    setA->setToolTip(tr("Use the selected point as A"));
    auto* setB = new QPushButton(tr("Set B"), this);
    setB->setToolTip(tr("Use the selected point as B"));
    auto* swap = new QPushButton(tr("Swap"), this);
    mode_ = new QComboBox(this);
    mode_->addItem(tr("Linear"));
    mode_->addItem(tr("Spherical (slerp)"));
    extrapolate_ = new QCheckBox(tr("Extrapolate to 1.5"), this);
    scrub_ = new QSlider(Qt::Horizontal, this);
    scrub_->setRange(0, kScrubSteps);
    tLabel_ = new QLabel(this);
    pathNote_ = new QLabel(this);
    pathNote_->setWordWrap(true);
    pathNote_->setStyleSheet("color: #5b6570;");
    pathNote_->hide();
    frames_ = new QSpinBox(this);
    frames_->setRange(latent::kMinMorphFrames, latent::kMaxMorphFrames);
    frames_->setValue(10);
    frames_->setPrefix(tr("frames: "));
    play_ = new QPushButton(tr("Play"), this);
    timer_ = new QTimer(this);
    timer_->setInterval(40);
    auto* stripHost = new QWidget(this);
    strip_ = new QHBoxLayout(stripHost);
    strip_->setContentsMargins(0, 0, 0, 0);
    strip_->setSpacing(2);

    grid->addWidget(ends_, 0, 0, 1, 4);
    grid->addWidget(setA, 1, 0);
    grid->addWidget(setB, 1, 1);
    grid->addWidget(swap, 1, 2);
    grid->addWidget(play_, 1, 3);
    grid->addWidget(mode_, 2, 0, 1, 2);
    grid->addWidget(extrapolate_, 2, 2, 1, 2);
    grid->addWidget(scrub_, 3, 0, 1, 3);
    grid->addWidget(tLabel_, 3, 3);
    grid->addWidget(frames_, 4, 0);
    grid->addWidget(pathNote_, 4, 1, 1, 3);
    grid->addWidget(stripHost, 5, 0, 1, 4);
    picker_ = new MorphEndpointPicker(this);
    grid->addWidget(picker_, 6, 0, 1, 4);
    grid->setRowStretch(7, 1);

    connect(setA, &QPushButton::clicked, this, [this] { Q_EMIT setFromSelectionRequested(true); });
    connect(setB, &QPushButton::clicked, this, [this] { Q_EMIT setFromSelectionRequested(false); });
    connect(swap, &QPushButton::clicked, this, &MorphPanel::swapEnds);
    connect(play_, &QPushButton::clicked, this, &MorphPanel::togglePlay);
    connect(timer_, &QTimer::timeout, this, [this] {
        scrub_->setValue(scrub_->value() >= kScrubSteps ? 0 : std::min(kScrubSteps, scrub_->value() + 10));
    });
    connect(scrub_, &QSlider::valueChanged, this, &MorphPanel::requestFrame);
    connect(mode_, &QComboBox::currentIndexChanged, this, [this] {
        requestFrame();
        requestStrip();
    });
    connect(extrapolate_, &QCheckBox::toggled, this, [this] {
        requestFrame();
        requestStrip();
    });
    connect(frames_, &QSpinBox::valueChanged, this, &MorphPanel::requestStrip);
    refreshLabels();
}

double MorphPanel::tMax() const { return extrapolate_->isChecked() ? 1.5 : 1.0; }

double MorphPanel::t() const { return tMax() * scrub_->value() / kScrubSteps; }

latent::InterpolationMode MorphPanel::mode() const {
    return mode_->currentIndex() == 1 ? latent::InterpolationMode::Spherical : latent::InterpolationMode::Linear;
}

std::vector<float> MorphPanel::latentAt(double t) const {
    if (!isReady()) return {};
    return latent::interpolate(*a_, *b_, t, mode());
}

latent::LatentBatch MorphPanel::stripLatents() const {
    if (!isReady()) return {};
    return latent::interpolationPath(*a_, *b_, static_cast<std::size_t>(frames_->value()), mode(), 0.0, tMax());
}

void MorphPanel::setEndpoint(bool isA, const std::vector<float>& latent, const QString& label,
                             std::optional<std::size_t> datasetIndex) {
    if (latent.empty()) return;
    if (isReady() && latent.size() != a_->size()) {  // a new model: start over
        a_.reset();
        b_.reset();
    }
    (isA ? a_ : b_) = latent;
    (isA ? aLabel_ : bLabel_) = label;
    (isA ? aIndex_ : bIndex_) = datasetIndex;
    refreshLabels();
    requestFrame();
    requestStrip();
}

std::optional<latent::MorphState> MorphPanel::state() const {
    if (!isReady()) return std::nullopt;
    return latent::MorphState{*a_, *b_, aIndex_, bIndex_, t(), mode(), frames_->value()};
}

void MorphPanel::restore(const latent::MorphState& state, const QString& aLabel, const QString& bLabel) {
    const QSignalBlocker blockMode(mode_), blockExtrapolate(extrapolate_), blockFrames(frames_), blockScrub(scrub_);
    a_ = state.a;
    b_ = state.b;
    aIndex_ = state.aIndex;
    bIndex_ = state.bIndex;
    aLabel_ = aLabel;
    bLabel_ = bLabel;
    mode_->setCurrentIndex(state.mode == latent::InterpolationMode::Spherical ? 1 : 0);
    extrapolate_->setChecked(state.t > 1.0);
    frames_->setValue(state.frames);
    scrub_->setValue(static_cast<int>(std::lround(state.t / tMax() * kScrubSteps)));
    refreshLabels();
    requestStrip();
}

void MorphPanel::setStrip(const std::vector<latent::Image>& frames) {
    while (QLayoutItem* item = strip_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (const auto& frame : frames) {
        auto* thumb = new QLabel(this);
        const QImage img = toQImage(frame);
        thumb->setPixmap(QPixmap::fromImage(img.scaled(kThumbSide, kThumbSide, Qt::KeepAspectRatio,
                                                       Qt::FastTransformation)));
        strip_->addWidget(thumb);
    }
    strip_->addStretch(1);
}

void MorphPanel::requestFrame() {
    tLabel_->setText(tr("t = %1").arg(t(), 0, 'f', 2));
    if (isReady()) Q_EMIT frameRequested(latentAt(t()), t());
}

void MorphPanel::requestStrip() {
    if (isReady()) Q_EMIT stripRequested(stripLatents());
}

void MorphPanel::swapEnds() {
    if (!isReady()) return;
    std::swap(a_, b_);
    std::swap(aLabel_, bLabel_);
    refreshLabels();
    requestFrame();
    requestStrip();
}

void MorphPanel::togglePlay() {
    if (timer_->isActive()) {
        timer_->stop();
        play_->setText(tr("Play"));
    } else if (isReady()) {
        timer_->start();
        play_->setText(tr("Pause"));
    }
}

void MorphPanel::refreshLabels() {
    ends_->setText(tr("A: %1\nB: %2")
                       .arg(a_ ? aLabel_ : tr("not set (select a point, then Set A, or pick one below)"))
                       .arg(b_ ? bLabel_ : tr("not set (select a point, then Set B)")));
    scrub_->setEnabled(isReady());
    play_->setEnabled(isReady());
}

void MorphPanel::setPathNote(const QString& note) {
    pathNote_->setText(note);
    pathNote_->setVisible(!note.isEmpty());
}

QString MorphPanel::pathNote() const { return pathNote_->text(); }

}  // namespace latent::ui
