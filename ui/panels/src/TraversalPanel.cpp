#include "latent/ui/TraversalPanel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>
#include <random>

#include "latent/core/Traversal.h"
#include "latent/ui/DimensionSlider.h"

namespace latent::ui {

TraversalPanel::TraversalPanel(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* buttons = new QHBoxLayout;
    summary_ = new QLabel(tr("Select a point to traverse its dimensions."), this);
    summary_->setWordWrap(true);
    auto* reset = new QPushButton(tr("Reset"), this);
    reset->setToolTip(tr("Back to the selected point"));
    auto* random = new QPushButton(tr("Randomise"), this);
    random->setToolTip(tr("Draw every dimension from the data's distribution"));
    buttons->addWidget(summary_, 1);
    buttons->addWidget(reset);
    buttons->addWidget(random);
    column->addLayout(buttons);
    auto* options = new QHBoxLayout;
    rangeMode_ = new QComboBox(this);
    rangeMode_->addItem(tr("Range: data mean ± 3 sd"));
    rangeMode_->addItem(tr("Range: the model's prior (± 3 sd)"));
    auto* grid = new QPushButton(tr("Grid…"), this);
    grid->setToolTip(tr("A traversal grid of the current point (dimensions × steps), to export as PNG"));
    options->addWidget(rangeMode_, 1);
    options->addWidget(grid);
    column->addLayout(options);

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* inner = new QWidget(scroll);
    rows_ = new QVBoxLayout(inner);
    rows_->setSpacing(4);
    rows_->addStretch(1);
    scroll->setWidget(inner);
    column->addWidget(scroll, 1);

    connect(reset, &QPushButton::clicked, this, &TraversalPanel::resetToOrigin);
    connect(random, &QPushButton::clicked, this, &TraversalPanel::randomise);
    connect(grid, &QPushButton::clicked, this, &TraversalPanel::gridRequested);
    connect(rangeMode_, &QComboBox::currentIndexChanged, this, &TraversalPanel::rebuildSliders);
    setEnabled(false);
}

void TraversalPanel::setStatistics(const std::vector<latent::DimensionSummary>& summaries, bool byKl) {
    summaries_ = summaries;
    byKl_ = byKl;
    rebuildSliders();
}

void TraversalPanel::setPriorRange(const latent::TraversalRange& range) {
    prior_ = range;
    if (rangeMode_->currentIndex() == 1) rebuildSliders();
}

latent::TraversalRange TraversalPanel::rangeOf(std::size_t dimension) const {
    if (rangeMode_->currentIndex() == 1 || dimension >= summaries_.size()) return prior_;
    return latent::dataRange(summaries_[dimension]);
}

void TraversalPanel::rebuildSliders() {
    for (DimensionSlider* s : sliders_) delete s;
    sliders_.assign(summaries_.size(), nullptr);
    std::size_t active = 0;
    for (std::size_t d : latent::rankDimensions(summaries_)) {
        const auto& s = summaries_[d];
        active += s.active ? 1 : 0;
        auto* slider = new DimensionSlider(s, rangeOf(d), this);
        rows_->insertWidget(rows_->count() - 1, slider);
        sliders_[d] = slider;
        connect(slider, &DimensionSlider::valueEdited, this, [this](std::size_t dim, double value) {
            if (dim >= point_.size()) return;
            point_[dim] = static_cast<float>(value);
            Q_EMIT pointEdited(point_);
        });
    }
    summary_->setText(tr("%1 of %2 dimensions active, most important first (by %3).")
                          .arg(active)
                          .arg(summaries_.size())
                          .arg(byKl_ ? tr("mean KL to the prior") : tr("variance of the encoded means")));
    for (std::size_t d = 0; d < sliders_.size() && d < point_.size(); ++d) sliders_[d]->setValueQuietly(point_[d]);
}

void TraversalPanel::setPoint(const std::vector<float>& latent) {
    origin_ = latent;
    point_ = latent;
    for (std::size_t d = 0; d < sliders_.size() && d < latent.size(); ++d) {
        sliders_[d]->setValueQuietly(latent[d]);
    }
    setEnabled(!latent.empty() && latent.size() == sliders_.size());
}

DimensionSlider* TraversalPanel::sliderFor(std::size_t dimension) const {
    return dimension < sliders_.size() ? sliders_[dimension] : nullptr;
}

void TraversalPanel::resetToOrigin() {
    setPoint(origin_);
    Q_EMIT pointEdited(point_);
}

void TraversalPanel::randomise() {
    std::mt19937 rng(randomSeed_++);
    std::normal_distribution<double> normal;
    for (std::size_t d = 0; d < sliders_.size() && d < point_.size(); ++d) {
        point_[d] = static_cast<float>(summaries_[d].mean + summaries_[d].stddev * normal(rng));
        sliders_[d]->setValueQuietly(point_[d]);
    }
    Q_EMIT pointEdited(point_);
}

}  // namespace latent::ui
