#include "latent/ui/ImageSearchPanel.h"

#include <QFileInfo>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "latent/ui/ScrollingContent.h"
#include "latent/ui/WrappableText.h"

namespace latent::ui {
namespace {

constexpr int kPicture = 48;

QPixmap picture(const QImage& image) {
    if (image.isNull()) return {};
    return QPixmap::fromImage(image.scaled(kPicture, kPicture, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

}  // namespace

ImageSearchPanel::ImageSearchPanel(QWidget* parent)
    : QWidget(parent),
      find_(new QPushButton(tr("Find Image…"), this)),
      clear_(new QPushButton(tr("Clear"), this)),
      status_(new QLabel(this)),
      rowsLayout_(new QGridLayout) {
    find_->setToolTip(tr("Encode image files and show where they land on the map and which items are nearest "
                         "(or drop images on the window)"));
    clear_->setToolTip(tr("Take the found images off the map"));
    makeDockNote(status_);

    auto* content = new QWidget;
    auto* column = new QVBoxLayout(content);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(find_);
    buttons->addWidget(clear_);
    buttons->addStretch(1);
    column->addLayout(buttons);
    column->addWidget(status_);
    rowsLayout_->setHorizontalSpacing(2);
    rowsLayout_->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    column->addLayout(rowsLayout_);
    column->addStretch(1);
    fillWithScrollingContent(this, content);

    connect(find_, &QPushButton::clicked, this, &ImageSearchPanel::findRequested);
    connect(clear_, &QPushButton::clicked, this, &ImageSearchPanel::clearRequested);
    setAvailable(false, tr("Open a model with an encoder to find images on its map."));
}

void ImageSearchPanel::setAvailable(bool available, const QString& why) {
    available_ = available;
    clearRows();
    find_->setEnabled(available);
    clear_->setEnabled(false);
    status_->setText(available ? tr("Find where images of your own land: Find Image…, or drop image files on "
                                    "the window. Each is fitted to the model's input as a data folder is.")
                               : why);
}

void ImageSearchPanel::showRunning(const QString& message) {
    find_->setEnabled(false);
    status_->setText(message);
}

void ImageSearchPanel::showStopped(const QString& message) {
    find_->setEnabled(available_);
    status_->setText(message);
}

QString ImageSearchPanel::status() const { return status_->text(); }

void ImageSearchPanel::clearRows() {
    while (QLayoutItem* item = rowsLayout_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    rows_ = 0;
}

void ImageSearchPanel::showFound(const std::vector<FoundImageView>& found, const QString& note) {
    clearRows();
    find_->setEnabled(available_);
    clear_->setEnabled(!found.empty());
    status_->setText(note);
    for (std::size_t r = 0; r < found.size(); ++r) {
        const auto& f = found[r];
        const int row = static_cast<int>(r);
        auto* query = new QLabel;
        query->setPixmap(picture(f.fitted));
        query->setToolTip(tr("%1, as the model sees it").arg(f.file));
        auto* name = new QLabel(tr("%1  %2").arg(r + 1).arg(QFileInfo(f.file).fileName()));
        QFont bold = name->font();
        bold.setBold(true);
        name->setFont(bold);
        auto* head = new QVBoxLayout;
        head->addWidget(name);
        head->addWidget(query);
        rowsLayout_->addLayout(head, row, 0);
        auto* strip = new QHBoxLayout;
        for (const auto& item : f.nearest) {
            auto* tile = new QToolButton;
            tile->setAutoRaise(true);
            tile->setToolButtonStyle(Qt::ToolButtonTextUnderIcon);
            tile->setIcon(picture(item.image));
            tile->setIconSize(QSize(kPicture, kPicture));
            tile->setText(tr("#%1\n%2").arg(item.index).arg(item.distance, 0, 'f', 2));
            tile->setToolTip(tr("Item %1%2, at latent distance %3. Click to go there.")
                                 .arg(item.index)
                                 .arg(item.label.isEmpty() ? QString() : tr(" (%1)").arg(item.label))
                                 .arg(item.distance, 0, 'g', 4));
            connect(tile, &QToolButton::clicked, this,
                    [this, index = item.index] { Q_EMIT itemActivated(static_cast<qsizetype>(index)); });
            strip->addWidget(tile);
        }
        strip->addStretch(1);
        rowsLayout_->addLayout(strip, row, 1);
    }
    rows_ = found.size();
}

}  // namespace latent::ui
