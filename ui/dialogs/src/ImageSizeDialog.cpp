#include "latent/ui/ImageSizeDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSpinBox>

namespace latent::ui {
namespace {

QSpinBox* sideBox(int value, QWidget* parent) {
    auto* box = new QSpinBox(parent);
    box->setRange(16, ImageSizeDialog::kMaxSide);
    box->setSuffix(QObject::tr(" px"));
    box->setValue(value);
    return box;
}

}  // namespace

ImageSizeDialog::ImageSizeDialog(QSize initial, QWidget* parent)
    : QDialog(parent),
      width_(sideBox(initial.width(), this)),
      height_(sideBox(initial.height(), this)) {
    auto* form = new QFormLayout(this);
    form->addRow(tr("Width:"), width_);
    form->addRow(tr("Height:"), height_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QSize ImageSizeDialog::chosenSize() const {
    return {width_->value(), height_->value()};
}

std::optional<QSize> ImageSizeDialog::ask(QWidget* parent, const QString& title, QSize initial) {
    ImageSizeDialog dialog(initial, parent);
    dialog.setWindowTitle(title);
    if (dialog.exec() != QDialog::Accepted) return std::nullopt;
    return dialog.chosenSize();
}

}  // namespace latent::ui
