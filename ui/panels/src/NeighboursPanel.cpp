#include "latent/ui/NeighboursPanel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "latent/ui/ImageConvert.h"

namespace latent::ui {
namespace {
constexpr int kThumbSide = 56;
constexpr int kColumns = 4;
}  // namespace

NeighboursPanel::NeighboursPanel(QWidget* parent) : QWidget(parent) {
    auto* column = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    heading_ = new QLabel(tr("Select a point to see its nearest dataset images."), this);
    heading_->setWordWrap(true);
    k_ = new QSpinBox(this);
    k_->setRange(1, 64);
    k_->setValue(12);
    k_->setPrefix(tr("k = "));
    top->addWidget(heading_, 1);
    top->addWidget(k_);
    column->addLayout(top);
    auto* host = new QWidget(this);
    grid_ = new QGridLayout(host);
    grid_->setSpacing(4);
    column->addWidget(host);
    column->addStretch(1);
    connect(k_, &QSpinBox::valueChanged, this, &NeighboursPanel::refresh);
}

void NeighboursPanel::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    query_.clear();
    refresh();
}

void NeighboursPanel::setQuery(const std::vector<float>& latent, std::optional<std::size_t> self) {
    query_ = latent;
    self_ = self;
    refresh();
}

void NeighboursPanel::clearButtons() {
    while (QLayoutItem* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    buttons_.clear();
}

void NeighboursPanel::refresh() {
    const auto previous = std::move(found_);
    found_.clear();
    if (!workspace_ || !workspace_->neighbours || query_.size() != workspace_->neighbours->dim()) {
        clearButtons();
        Q_EMIT neighboursChanged(found_);
        return;
    }
    if (workspace_->sampledFromPrior) {
        clearButtons();
        heading_->setText(tr("This map shows samples of the prior, not dataset images: there are no "
                             "dataset neighbours to show."));
        Q_EMIT neighboursChanged(found_);
        return;
    }
    // A k-nearest query is a fraction of a millisecond (HNSW or a 10k brute force): fine here.
    found_ = workspace_->neighbours->nearest(query_, static_cast<std::size_t>(k_->value()), self_);
    heading_->setText(workspace_->hasImages()
                          ? tr("%1 nearest dataset images (Euclidean distance in the latent space)").arg(found_.size())
                          : tr("%1 nearest points (Euclidean distance between the vectors)").arg(found_.size()));
    // While a slider drags the query, the neighbours rarely change: then only the distances
    // are updated, instead of rebuilding every thumbnail on the UI thread.
    const bool sameItems = std::equal(found_.begin(), found_.end(), previous.begin(), previous.end(),
                                      [](const auto& a, const auto& b) { return a.index == b.index; });
    if (!sameItems || buttons_.size() != found_.size()) rebuildButtons();
    const auto& dataset = workspace_->dataset;
    for (std::size_t i = 0; i < found_.size(); ++i) {
        const auto& n = found_[i];
        const QString distance = QString::number(static_cast<double>(n.distance), 'f', 2);
        // Without images, the button names the point instead of showing it.
        buttons_[i]->setText(workspace_->hasImages() ? distance
                                                     : tr("#%1\n%2\n%3")
                                                           .arg(n.index)
                                                           .arg(QString::fromStdString(dataset.className(n.index)))
                                                           .arg(distance));
        buttons_[i]->setToolTip(tr("#%1 · %2, distance %3")
                                    .arg(n.index)
                                    .arg(QString::fromStdString(dataset.className(n.index)))
                                    .arg(static_cast<double>(n.distance), 0, 'f', 3));
    }
    if (!sameItems) Q_EMIT neighboursChanged(found_);
}

// Buttons are kept and only get new pictures: deleting and creating widgets re-lays out
// the whole window, several times per slider step.
void NeighboursPanel::rebuildButtons() {
    while (buttons_.size() > found_.size()) {
        delete buttons_.back();
        buttons_.pop_back();
    }
    while (buttons_.size() < found_.size()) {
        auto* button = new QToolButton(this);
        button->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        button->setAutoRaise(true);
        const std::size_t slot = buttons_.size();
        connect(button, &QToolButton::clicked, this, [this, slot] {
            if (slot < found_.size()) {
                Q_EMIT itemActivated(static_cast<qsizetype>(found_[slot].index));
            }
        });
        const int at = static_cast<int>(slot);
        grid_->addWidget(button, at / kColumns, at % kColumns);
        buttons_.push_back(button);
    }
    const auto& dataset = workspace_->dataset;
    for (std::size_t i = 0; i < found_.size(); ++i) {
        if (!workspace_->hasImages()) {
            buttons_[i]->setIcon({});
            continue;
        }
        const QImage img = toQImage(dataset.image(found_[i].index));
        buttons_[i]->setIcon(QPixmap::fromImage(
            img.scaled(kThumbSide, kThumbSide, Qt::KeepAspectRatio, Qt::FastTransformation)));
        buttons_[i]->setIconSize(QSize(kThumbSide, kThumbSide));
    }
}

}  // namespace latent::ui
