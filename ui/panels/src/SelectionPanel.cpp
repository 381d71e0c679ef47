#include "latent/ui/SelectionPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "latent/ui/TagBar.h"

namespace latent::ui {
namespace {
constexpr int kThumbSide = 48;
constexpr int kColumns = 5;
constexpr std::size_t kPerTurn = 24;  // thumbnails added per event-loop turn
}  // namespace

SelectionPanel::SelectionPanel(QWidget* parent)
    : QWidget(parent),
      summary_(new QLabel(this)),
      classes_(new QComboBox(this)),
      selectClass_(new QPushButton(tr("Select class"), this)),
      clear_(new QPushButton(tr("Clear"), this)),
      invert_(new QPushButton(tr("Invert"), this)),
      export_(new QPushButton(tr("Export…"), this)),
      tagBar_(new TagBar(this)),
      filler_(new QTimer(this)) {
    auto* column = new QVBoxLayout(this);
    summary_->setWordWrap(true);
    column->addWidget(summary_);
    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {clear_, invert_, export_}) buttons->addWidget(b);
    column->addLayout(buttons);
    auto* byClass = new QHBoxLayout;
    byClass->addWidget(classes_, 1);
    byClass->addWidget(selectClass_);
    column->addLayout(byClass);
    column->addWidget(tagBar_);
    clear_->setToolTip(tr("Deselect every point (Esc on the map)"));
    invert_->setToolTip(tr("Select the points that are not selected, and only those"));
    export_->setToolTip(tr("Save the selected indices as a text file, one per line"));
    selectClass_->setToolTip(tr("Select every point of the chosen class"));

    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto* host = new QWidget(scroll);
    grid_ = new QGridLayout(host);
    grid_->setSpacing(2);
    grid_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    scroll->setWidget(host);
    column->addWidget(scroll, 1);

    filler_->setInterval(0);
    connect(filler_, &QTimer::timeout, this, &SelectionPanel::addSomeThumbnails);
    connect(clear_, &QPushButton::clicked, this, &SelectionPanel::clearRequested);
    connect(invert_, &QPushButton::clicked, this, &SelectionPanel::invertRequested);
    connect(export_, &QPushButton::clicked, this, &SelectionPanel::exportRequested);
    connect(selectClass_, &QPushButton::clicked, this, [this] {
        if (classes_->currentIndex() >= 0) Q_EMIT classRequested(classes_->currentIndex());
    });
    setClasses({});
    setSelection({}, 0);
}

void SelectionPanel::setClasses(const QStringList& names) {
    classes_->clear();
    classes_->addItems(names);
    classes_->setEnabled(!names.isEmpty());
    selectClass_->setEnabled(!names.isEmpty());
}

void SelectionPanel::setSelection(const std::vector<std::size_t>& indices, std::size_t pointCount) {
    clearGrid();
    const std::size_t shownCount = std::min(indices.size(), kMaxThumbnails);
    pending_.assign(indices.begin(), indices.begin() + static_cast<std::ptrdiff_t>(shownCount));
    std::reverse(pending_.begin(), pending_.end());  // taken from the back, in index order
    if (indices.empty()) {
        summary_->setText(tr("Nothing selected. Click points with Shift, or drag a box or lasso "
                             "(toolbar, or Ctrl+drag) to select."));
    } else {
        const QString shownNote = indices.size() > shownCount
                                      ? tr(" (the first %1 shown)").arg(shownCount)
                                      : QString();
        summary_->setText(tr("%1 of %2 points selected%3.")
                              .arg(indices.size())
                              .arg(pointCount)
                              .arg(shownNote));
    }
    clear_->setEnabled(!indices.empty());
    export_->setEnabled(!indices.empty());
    invert_->setEnabled(pointCount > 0);
    if (!pending_.empty()) filler_->start();
}

QString SelectionPanel::summary() const { return summary_->text(); }

void SelectionPanel::clearGrid() {
    filler_->stop();
    pending_.clear();
    shown_ = 0;
    while (QLayoutItem* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
}

void SelectionPanel::addSomeThumbnails() {
    for (std::size_t n = 0; n < kPerTurn && !pending_.empty(); ++n) {
        const std::size_t index = pending_.back();
        pending_.pop_back();
        auto* button = new QToolButton(grid_->parentWidget());
        const QImage image = imageOf_ ? imageOf_(index) : QImage();
        if (image.isNull()) {
            button->setText(QString::number(index));
        } else {
            button->setIcon(QPixmap::fromImage(
                image.scaled(kThumbSide, kThumbSide, Qt::KeepAspectRatio, Qt::FastTransformation)));
            button->setIconSize(QSize(kThumbSide, kThumbSide));
        }
        button->setAutoRaise(true);
        button->setToolTip(tr("#%1: click to make it the current point").arg(index));
        connect(button, &QToolButton::clicked, this,
                [this, index] { Q_EMIT itemActivated(static_cast<qsizetype>(index)); });
        const int at = static_cast<int>(shown_);
        grid_->addWidget(button, at / kColumns, at % kColumns);
        ++shown_;
    }
    if (pending_.empty()) filler_->stop();
}

}  // namespace latent::ui
