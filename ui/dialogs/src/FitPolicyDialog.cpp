#include "latent/ui/FitPolicyDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QDirIterator>
#include <QImageReader>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace latent::ui {

std::optional<ImagePeek> peekFirstImage(const QString& folder) {
    // Sorted like the core reader: the first file in path order is what it reads first.
    QStringList files;
    QDirIterator it(folder, {"*.png", "*.jpg", "*.jpeg", "*.PNG", "*.JPG", "*.JPEG"}, QDir::Files,
                    QDirIterator::Subdirectories);
    while (it.hasNext()) files << it.next();
    files.sort();
    for (const QString& file : files) {
        QImageReader reader(file);
        const QSize size = reader.size();
        if (!size.isValid()) continue;
        const QImage::Format format = reader.imageFormat();
        const bool grey = format == QImage::Format_Grayscale8 ||
                          format == QImage::Format_Grayscale16 || format == QImage::Format_Mono ||
                          format == QImage::Format_MonoLSB;
        return ImagePeek{size, !grey};
    }
    return std::nullopt;
}

bool needsFitting(const ImagePeek& peek, const latent::ImageShape& model) {
    const bool sameSize = peek.size.width() == model.width && peek.size.height() == model.height;
    return !sameSize || (peek.colour && model.channels == 1);
}

FitPolicyDialog::FitPolicyDialog(const QString& folder, const ImagePeek& peek,
                                 const latent::ImageShape& model, QWidget* parent)
    : QDialog(parent),
      stretch_(new QRadioButton(this)),
      crop_(new QRadioButton(this)),
      grey_(new QCheckBox(tr("Greyscale (colour images made grey first)"), this)) {
    setWindowTitle(tr("Fit images to the model"));
    auto* layout = new QVBoxLayout(this);
    auto* intro =
        new QLabel(tr("The images in %1 are %2 × %3 (%4), but the model takes %5 × %6 (%7). "
                      "How should they be fitted?")
                       .arg(QDir(folder).dirName())
                       .arg(peek.size.width())
                       .arg(peek.size.height())
                       .arg(peek.colour ? tr("colour") : tr("grey"))
                       .arg(model.width)
                       .arg(model.height)
                       .arg(model.channels == 1 ? tr("grey") : tr("colour")),
                   this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    stretch_->setText(
        tr("Resize to %1 × %2 (the aspect ratio may change)").arg(model.width).arg(model.height));
    crop_->setText(tr("Centre-crop to the model's aspect ratio, then resize"));
    crop_->setChecked(true);
    layout->addWidget(crop_);
    layout->addWidget(stretch_);
    // A grey model makes colour images grey anyway: the box then only says so.
    grey_->setChecked(model.channels == 1);
    grey_->setEnabled(model.channels != 1);
    layout->addWidget(grey_);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

latent::FitPolicy FitPolicyDialog::policy() const {
    return stretch_->isChecked() ? latent::FitPolicy::Stretch : latent::FitPolicy::CentreCrop;
}

bool FitPolicyDialog::greyscale() const {
    return grey_->isEnabled() && grey_->isChecked();
}

}  // namespace latent::ui
