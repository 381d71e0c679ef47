#include "latent/ui/BookmarksPanel.h"

#include <QHBoxLayout>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalBlocker>
#include <QVBoxLayout>

#include "latent/ui/BatchDecoder.h"
#include "latent/ui/ImageConvert.h"

namespace latent::ui {
namespace {
constexpr int kThumbSide = 48;
}

BookmarksPanel::BookmarksPanel(Inference* inference, QWidget* parent)
    : QWidget(parent), thumbnails_(new BatchDecoder(inference, this)) {
    auto* column = new QVBoxLayout(this);
    auto* addRow = new QHBoxLayout;
    name_ = new QLineEdit(this);
    name_->setPlaceholderText(tr("Name (optional)"));
    auto* add = new QPushButton(tr("Bookmark current point"), this);
    addRow->addWidget(name_, 1);
    addRow->addWidget(add);
    column->addLayout(addRow);
    list_ = new QListWidget(this);
    list_->setIconSize(QSize(kThumbSide, kThumbSide));
    list_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    column->addWidget(list_, 1);
    auto* editRow = new QHBoxLayout;
    auto* renameButton = new QPushButton(tr("Rename"), this);
    auto* removeButton = new QPushButton(tr("Delete"), this);
    editRow->addStretch(1);
    editRow->addWidget(renameButton);
    editRow->addWidget(removeButton);
    column->addLayout(editRow);

    connect(add, &QPushButton::clicked, this, [this] {
        Q_EMIT addRequested(name_->text().trimmed());
        name_->clear();
    });
    connect(name_, &QLineEdit::returnPressed, add, &QPushButton::click);
    connect(list_, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = list_->row(item);
        if (row >= 0 && static_cast<std::size_t>(row) < bookmarks_.size()) {
            Q_EMIT activated(bookmarks_[static_cast<std::size_t>(row)]);
        }
    });
    connect(list_, &QListWidget::itemChanged, this,
            [this](QListWidgetItem* item) { rename(list_->row(item), item->text()); });
    connect(renameButton, &QPushButton::clicked, this, [this] {
        if (auto* item = list_->currentItem()) list_->editItem(item);
    });
    connect(removeButton, &QPushButton::clicked, this, [this] { remove(list_->currentRow()); });
    connect(thumbnails_, &BatchDecoder::decoded, this, &BookmarksPanel::showThumbnails);
}

void BookmarksPanel::setModel(std::shared_ptr<const latent::Model> model) {
    model_ = std::move(model);
    requestThumbnails();
}

void BookmarksPanel::add(const latent::Bookmark& bookmark) {
    bookmarks_.push_back(bookmark);
    rebuildList();
    list_->setCurrentRow(list_->count() - 1);
    requestThumbnails();
    Q_EMIT changed();
}

void BookmarksPanel::setBookmarks(const std::vector<latent::Bookmark>& bookmarks) {
    bookmarks_ = bookmarks;
    rebuildList();
    requestThumbnails();
    Q_EMIT changed();
}

void BookmarksPanel::rename(int row, const QString& name) {
    if (row < 0 || static_cast<std::size_t>(row) >= bookmarks_.size()) return;
    const QString trimmed = name.trimmed();
    auto& bookmark = bookmarks_[static_cast<std::size_t>(row)];
    if (!trimmed.isEmpty()) bookmark.name = trimmed.toStdString();
    // An empty name is refused: the item shows the old one again.
    const QSignalBlocker block(list_);
    list_->item(row)->setText(QString::fromStdString(bookmark.name));
    Q_EMIT changed();
}

void BookmarksPanel::remove(int row) {
    if (row < 0 || static_cast<std::size_t>(row) >= bookmarks_.size()) return;
    bookmarks_.erase(bookmarks_.begin() + row);
    delete list_->takeItem(row);
    requestThumbnails();
    Q_EMIT changed();
}

void BookmarksPanel::rebuildList() {
    const QSignalBlocker block(list_);
    list_->clear();
    for (const auto& b : bookmarks_) {
        auto* item = new QListWidgetItem(QString::fromStdString(b.name), list_);
        item->setFlags(item->flags() | Qt::ItemIsEditable);
    }
}

// One batch for all of them: a list of bookmarks is short, and a batch decodes fast.
void BookmarksPanel::requestThumbnails() {
    if (!model_ || bookmarks_.empty()) return;
    const std::size_t dim = bookmarks_.front().latent.size();
    latent::LatentBatch batch(bookmarks_.size(), dim);
    for (std::size_t i = 0; i < bookmarks_.size(); ++i) {
        if (bookmarks_[i].latent.size() != dim) return;
        std::copy(bookmarks_[i].latent.begin(), bookmarks_[i].latent.end(), batch.values.begin() + i * dim);
    }
    thumbnails_->request(batch);
}

void BookmarksPanel::showThumbnails(const std::vector<latent::Image>& images) {
    if (images.size() != bookmarks_.size()) return;  // the list changed since: a newer batch follows
    const QSignalBlocker block(list_);
    for (std::size_t i = 0; i < images.size(); ++i) {
        const QImage image = toQImage(images[i]).scaled(kThumbSide, kThumbSide, Qt::KeepAspectRatio,
                                                        Qt::FastTransformation);
        list_->item(static_cast<int>(i))->setIcon(QIcon(QPixmap::fromImage(image)));
    }
    Q_EMIT thumbnailsShown();
}

}  // namespace latent::ui
