#include "latent/ui/OutliersPanel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "latent/core/ItemScores.h"
#include "latent/ui/ImageConvert.h"
#include "latent/ui/ScoreHistogram.h"
#include "latent/ui/ScrollingContent.h"

namespace latent::ui {
namespace {

constexpr int kThumb = 44;  // logical pixels per image of a triple
constexpr int kColumns = 2;

// Black through red and yellow to white: small errors dark, large ones bright.
QRgb heat(float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    const auto channel = [](float v) { return static_cast<int>(std::clamp(v, 0.0f, 1.0f) * 255.0f + 0.5f); };
    return qRgb(channel(3.0f * t), channel(3.0f * t - 1.0f), channel(3.0f * t - 2.0f));
}

QImage heatMapOf(const latent::Image& original, const latent::Image& reconstruction) {
    const std::vector<float> errors = latent::pixelErrors(original, reconstruction);
    QImage image(original.shape.width, original.shape.height, QImage::Format_RGB32);
    for (int y = 0; y < image.height(); ++y) {
        auto* row = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < image.width(); ++x) {
            row[x] = heat(errors[static_cast<std::size_t>(y) * static_cast<std::size_t>(image.width()) +
                                 static_cast<std::size_t>(x)]);
        }
    }
    return image;
}

QString formatted(double value) { return std::isnan(value) ? QStringLiteral("–") : QString::number(value, 'g', 4); }

}  // namespace

OutliersPanel::OutliersPanel(QWidget* parent)
    : QWidget(parent),
      chooser_(new QComboBox(this)),
      histogram_(new ScoreHistogram(this)),
      summary_(new QLabel(this)),
      unavailable_(new QLabel(this)),
      select_(new QPushButton(tr("Select These"), this)),
      export_(new QPushButton(tr("Export These…"), this)) {
    // Everything scrolls as one: the panel shares a column with others and must never
    // make the window taller than the screen (its histogram, list and notes would).
    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Score:"), content));
    top->addWidget(chooser_, 1);
    column->addLayout(top);
    column->addWidget(histogram_);
    for (QLabel* label : {summary_, unavailable_}) {
        label->setWordWrap(true);
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);  // never widens the window
    }
    unavailable_->setForegroundRole(QPalette::PlaceholderText);
    column->addWidget(summary_);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(select_);
    buttons->addWidget(export_);
    buttons->addStretch(1);
    column->addLayout(buttons);
    strip_ = new QGridLayout;
    strip_->setSpacing(4);
    strip_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    column->addLayout(strip_);
    column->addWidget(unavailable_);
    column->addStretch(1);
    fillWithScrollingContent(this, content);

    connect(chooser_, &QComboBox::currentIndexChanged, this, [this] { showScore(); });
    connect(histogram_, &ScoreHistogram::thresholdChanged, this, [this] { findOutliers(); });
    connect(select_, &QPushButton::clicked, this, [this] { Q_EMIT selectRequested(outliers_); });
    connect(export_, &QPushButton::clicked, this, [this] {
        if (const auto* s = score()) Q_EMIT exportRequested(outliers_, QString::fromStdString(s->id));
    });
    setWorkspace(nullptr);
}

void OutliersPanel::setWorkspace(std::shared_ptr<const latent::Workspace> workspace) {
    workspace_ = std::move(workspace);
    offered_.clear();
    QStringList why;
    if (workspace_) {
        for (const latent::ScoreColumn& s : workspace_->scores.columns) {
            if (s.available()) {
                offered_.push_back(&s);
            } else {
                why << tr("%1: %2.").arg(QString::fromStdString(s.title), QString::fromStdString(s.unavailable));
            }
        }
    }
    unavailable_->setText(why.isEmpty() ? QString() : tr("Not available here:\n%1").arg(why.join('\n')));
    unavailable_->setVisible(!why.isEmpty());
    const QSignalBlocker quiet(chooser_);
    chooser_->clear();
    for (const latent::ScoreColumn* s : offered_) {
        chooser_->addItem(QString::fromStdString(s->title));
        chooser_->setItemData(chooser_->count() - 1, QString::fromStdString(s->meaning), Qt::ToolTipRole);
    }
    showScore();
}

bool OutliersPanel::setScore(const std::string& id) {
    const auto it = std::find_if(offered_.begin(), offered_.end(), [&](const auto* s) { return s->id == id; });
    if (it == offered_.end()) return false;
    chooser_->setCurrentIndex(static_cast<int>(it - offered_.begin()));
    return true;
}

const latent::ScoreColumn* OutliersPanel::score() const {
    const int i = chooser_->currentIndex();
    return i >= 0 && static_cast<std::size_t>(i) < offered_.size() ? offered_[static_cast<std::size_t>(i)] : nullptr;
}

// A new score starts at its top 1%.
void OutliersPanel::showScore() {
    const latent::ScoreColumn* s = score();
    const bool any = s != nullptr;
    for (QWidget* w : std::initializer_list<QWidget*>{chooser_, histogram_, select_, export_}) w->setEnabled(any);
    const QSignalBlocker quiet(histogram_);
    histogram_->setValues(any ? s->values : std::vector<double>{});
    if (any) histogram_->setThreshold(latent::quantile(s->values, kStartQuantile));
    findOutliers();
}

void OutliersPanel::findOutliers() {
    const latent::ScoreColumn* s = score();
    outliers_ = s ? latent::itemsAtOrAbove(s->values, histogram_->threshold()) : std::vector<std::size_t>{};
    select_->setEnabled(!outliers_.empty());
    export_->setEnabled(!outliers_.empty());
    summary_->setText(summary());
    rebuildStrip();
    const bool canReconstruct = workspace_ && workspace_->hasModel() && workspace_->hasImages();
    if (canReconstruct && !outliers_.empty()) Q_EMIT reconstructionsWanted(stripItems());
}

QString OutliersPanel::summary() const {
    const latent::ScoreColumn* s = score();
    if (!workspace_) return tr("Open a model and data to see which items it understands least.");
    if (!s) return tr("No score is available for these data.");
    const std::size_t total = workspace_->latents.count;
    const double share = total ? 100.0 * static_cast<double>(outliers_.size()) / static_cast<double>(total) : 0.0;
    return tr("%1 of %2 items (%3%) at or above %4; the worst first.")
        .arg(outliers_.size())
        .arg(total)
        .arg(share, 0, 'f', share < 10 ? 1 : 0)
        .arg(formatted(histogram_->threshold()));
}

QString OutliersPanel::unavailableNote() const { return unavailable_->text(); }

std::vector<std::size_t> OutliersPanel::stripItems() const {
    const std::size_t n = std::min(outliers_.size(), kStripItems);
    return {outliers_.begin(), outliers_.begin() + static_cast<std::ptrdiff_t>(n)};
}

void OutliersPanel::rebuildStrip() {
    const std::vector<std::size_t> items = stripItems();
    while (tiles_.size() > items.size()) {
        delete tiles_.back();
        tiles_.pop_back();
    }
    while (tiles_.size() < items.size()) {
        auto* tile = new QToolButton;
        tile->setAutoRaise(true);
        tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
        const std::size_t slot = tiles_.size();
        connect(tile, &QToolButton::clicked, this, [this, slot] {
            if (slot < outliers_.size()) Q_EMIT itemActivated(static_cast<qsizetype>(outliers_[slot]));
        });
        strip_->addWidget(tile, static_cast<int>(slot) / kColumns, static_cast<int>(slot) % kColumns);
        tiles_.push_back(tile);
    }
    const latent::ScoreColumn* s = score();
    for (std::size_t t = 0; t < items.size(); ++t) {
        const std::size_t item = items[t];
        const QString label = workspace_ ? QString::fromStdString(workspace_->dataset.className(item)) : QString();
        tiles_[t]->setText(tr("#%1 %2\n%3").arg(item).arg(label, formatted(s->values[item])));
        tiles_[t]->setToolTip(tr("Item %1%2: %3 %4. Click to go there.")
                                  .arg(item)
                                  .arg(label.isEmpty() ? QString() : " · " + label,
                                       QString::fromStdString(s->title), formatted(s->values[item])));
        const QPixmap tile = tileOf(item, nullptr);
        tiles_[t]->setIcon(tile);
        tiles_[t]->setIconSize(tile.size());
    }
}

void OutliersPanel::setReconstructions(const std::vector<std::size_t>& items, const std::vector<latent::Image>& images) {
    if (items != stripItems() || images.size() != items.size()) return;  // for a strip since replaced
    for (std::size_t t = 0; t < items.size(); ++t) {
        const QPixmap tile = tileOf(items[t], &images[t]);
        tiles_[t]->setIcon(tile);
        tiles_[t]->setIconSize(tile.size());
    }
}

// Original, reconstruction and error heat-map side by side; the original alone until the
// reconstruction comes (or when there is none); nothing for data without images.
QPixmap OutliersPanel::tileOf(std::size_t item, const latent::Image* reconstruction) const {
    if (!workspace_ || !workspace_->hasImages()) return {};
    const latent::Image original = workspace_->dataset.image(item);
    std::vector<QImage> parts = {toQImage(original)};
    if (reconstruction && reconstruction->shape == original.shape) {
        parts.push_back(toQImage(*reconstruction));
        parts.push_back(heatMapOf(original, *reconstruction));
    }
    const qreal dpr = devicePixelRatioF();
    QPixmap tile(QSize(kThumb * 3 + 4, kThumb) * dpr);
    tile.setDevicePixelRatio(dpr);
    tile.fill(Qt::transparent);
    QPainter painter(&tile);
    for (std::size_t p = 0; p < parts.size(); ++p) {
        const QRect slot(static_cast<int>(p) * (kThumb + 2), 0, kThumb, kThumb);
        painter.drawImage(slot, parts[p].scaled(QSize(kThumb, kThumb) * dpr, Qt::IgnoreAspectRatio, Qt::FastTransformation));
    }
    return tile;
}

}  // namespace latent::ui
