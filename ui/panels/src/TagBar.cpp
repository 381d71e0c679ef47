#include "latent/ui/TagBar.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>

namespace latent::ui {

TagBar::TagBar(QWidget* parent)
    : QWidget(parent),
      name_(new QComboBox(this)),
      tag_(new QPushButton(tr("Tag"), this)),
      untag_(new QPushButton(tr("Untag"), this)) {
    name_->setEditable(true);
    name_->setInsertPolicy(QComboBox::NoInsert);
    name_->lineEdit()->setPlaceholderText(tr("Tag, e.g. blurry"));
    name_->setToolTip(tr("A tag to put on the selected items, or take off them: they become the "
                         "\"tags\" column of Colour by, are saved in sessions and exported with the metadata"));
    name_->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    name_->setMinimumContentsLength(8);
    tag_->setToolTip(tr("Put the tag on every selected item (Ctrl+Z undoes it)"));
    untag_->setToolTip(tr("Take the tag off every selected item (Ctrl+Z undoes it)"));
    auto* row = new QHBoxLayout(this);
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(name_, 1);
    row->addWidget(tag_);
    row->addWidget(untag_);
    connect(tag_, &QPushButton::clicked, this, [this] { Q_EMIT tagRequested(tagName()); });
    connect(untag_, &QPushButton::clicked, this, [this] { Q_EMIT untagRequested(tagName()); });
    connect(name_->lineEdit(), &QLineEdit::returnPressed, this, [this] {
        if (tag_->isEnabled()) Q_EMIT tagRequested(tagName());
    });
    connect(name_, &QComboBox::editTextChanged, this, &TagBar::updateButtons);
    updateButtons();
}

void TagBar::setTags(const QStringList& tags) {
    const QString typed = name_->currentText();
    const QSignalBlocker block(name_);
    name_->clear();
    name_->addItems(tags);
    name_->setEditText(typed);
}

void TagBar::setSelectionSize(std::size_t selected) {
    selected_ = selected;
    updateButtons();
}

QString TagBar::tagName() const { return name_->currentText().trimmed(); }
void TagBar::setTagName(const QString& name) { name_->setEditText(name); }

void TagBar::updateButtons() {
    const bool ready = selected_ > 0 && !tagName().isEmpty();
    tag_->setEnabled(ready);
    untag_->setEnabled(ready && name_->findText(tagName()) >= 0);
}

}  // namespace latent::ui
