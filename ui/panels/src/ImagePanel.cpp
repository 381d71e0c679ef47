#include "latent/ui/ImagePanel.h"

#include <QGridLayout>
#include <QPixmap>
#include <algorithm>
#include <cmath>

#include "latent/ui/ImageConvert.h"

namespace latent::ui {
namespace {

constexpr int kPictureSide = 168;
// Beyond this many typical spacings from the nearest data point an interpolated latent is
// mostly a guess: the cue turns to a warning.
constexpr double kFarFromData = 2.0;  // 6x a 28-pixel image: large, and an integer scale

QLabel* makePicture(QWidget* parent) {
    auto* label = new QLabel(parent);
    label->setFixedSize(kPictureSide + 4, kPictureSide + 4);
    label->setAlignment(Qt::AlignCenter);
    label->setStyleSheet("QLabel { background: #20242a; color: #9aa3ad; border-radius: 3px; }");
    label->setWordWrap(true);
    return label;
}

}  // namespace

ImagePanel::ImagePanel(QWidget* parent) : QWidget(parent) {
    auto* grid = new QGridLayout(this);
    title_ = new QLabel(tr("Nothing selected"), this);
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.25);
    big.setBold(true);
    title_->setFont(big);
    originalCaption_ = new QLabel(tr("Original"), this);
    decodedCaption_ = new QLabel(tr("Reconstruction"), this);
    original_ = makePicture(this);
    decodedPicture_ = makePicture(this);
    note_ = new QLabel(tr("Click a point to see its image and its reconstruction. "
                          "Click empty space to decode the latent under the cursor."),
                       this);
    note_->setWordWrap(true);
    note_->setStyleSheet("color: #5b6570;");
    distance_ = new QLabel(this);
    distance_->setWordWrap(true);
    distance_->hide();
    uncertainty_ = new QLabel(this);
    uncertainty_->setWordWrap(true);
    uncertainty_->setToolTip(tr("σ = exp(logvar / 2): how unsure the encoder is about each latent dimension "
                                "of this image. Large σ: the image could sit anywhere along that dimension."));
    uncertainty_->hide();
    // Wrapped labels report a one-line minimum, so a short dock squeezed the note over the
    // pictures: reserve the two lines each of them takes beside 28x28 pictures.
    for (QLabel* label : {note_, uncertainty_}) label->setMinimumHeight(2 * label->fontMetrics().lineSpacing());
    grid->addWidget(title_, 0, 0, 1, 2);
    grid->addWidget(originalCaption_, 1, 0);
    grid->addWidget(decodedCaption_, 1, 1);
    grid->addWidget(original_, 2, 0);
    grid->addWidget(decodedPicture_, 2, 1);
    grid->addWidget(note_, 3, 0, 1, 2);
    grid->addWidget(distance_, 4, 0, 1, 2);
    grid->addWidget(uncertainty_, 5, 0, 1, 2);
    grid->setRowStretch(6, 1);
    clearPicture(original_, {});
    clearPicture(decodedPicture_, {});
}

void ImagePanel::showDatasetItem(qsizetype index, const QString& className,
                                 const latent::Image& original) {
    index_ = index;
    decoded_ = {};
    distance_->hide();
    uncertainty_->hide();
    farFromData_ = false;
    title_->setText(className.isEmpty() ? tr("#%1").arg(index)
                                        : tr("#%1 · %2").arg(index).arg(className));
    originalCaption_->setText(tr("Original"));
    originalCaption_->setToolTip({});
    decodedCaption_->setText(tr("Reconstruction"));
    originalImage_ = original;
    setPicture(original_, original);
    clearPicture(decodedPicture_, tr("decoding…"));
    note_->setText(tr("Dataset image %1, encoded to its latent mean and decoded back.").arg(index));
}

void ImagePanel::showGenerated(const QString& where, bool keepPicture) {
    index_ = -1;
    distance_->hide();
    uncertainty_->hide();
    farFromData_ = false;
    title_->setText(tr("Generated image"));
    originalCaption_->setText(tr("Original"));
    originalCaption_->setToolTip({});
    originalImage_ = {};
    clearPicture(original_, tr("not a dataset image"));
    if (!keepPicture) {
        decoded_ = {};
        decodedCaption_->setText(tr("Decoded"));
        clearPicture(decodedPicture_, tr("decoding…"));
    }
    note_->setText(tr("Decoded from the latent at %1. No dataset image lies here: "
                      "this is what the model generates for that point.")
                       .arg(where));
}

void ImagePanel::showPointWithoutImage(qsizetype index, const QString& className, const QString& note) {
    index_ = index;
    decoded_ = {};
    distance_->hide();
    farFromData_ = false;
    title_->setText(className.isEmpty() ? tr("#%1").arg(index) : tr("#%1 · %2").arg(index).arg(className));
    clearPicture(original_, tr("no image"));
    clearPicture(decodedPicture_, tr("no decoder"));
    note_->setText(note);
}

void ImagePanel::setDataDistance(double spacings) {
    farFromData_ = spacings > kFarFromData;
    QString text = tr("Interpolated from the nearest map points: %1× the typical spacing from the "
                      "nearest data point.")
                       .arg(spacings, 0, 'f', spacings < 10 ? 1 : 0);
    if (farFromData_) text += tr(" Far from the data: the decoded image is a guess.");
    distance_->setText(text);
    distance_->setStyleSheet(farFromData_ ? "color: #b45309; font-weight: 600;" : "color: #2f6f4f;");
    distance_->show();
}

QString ImagePanel::dataDistanceText() const { return distance_->isHidden() ? QString() : distance_->text(); }

void ImagePanel::setDecoded(const latent::Image& decoded, double milliseconds) {
    decoded_ = decoded;
    setPicture(decodedPicture_, decoded);
    QString caption = index_ >= 0 ? tr("Reconstruction") : tr("Decoded");
    caption += tr(" (%1 ms)").arg(milliseconds, 0, 'f', 1);
    if (decoded.hadNonFinite) caption += tr(" — model output had NaN/Inf, shown as black");
    decodedCaption_->setText(caption);
}

void ImagePanel::showError(const QString& message) {
    clearPicture(decodedPicture_, tr("could not decode"));
    note_->setText(message);
}

void ImagePanel::setUncertainty(std::span<const float> logvar) {
    if (logvar.empty()) {
        uncertainty_->hide();
        return;
    }
    double sum = 0.0;
    std::size_t low = 0, high = 0;
    for (std::size_t j = 0; j < logvar.size(); ++j) {
        sum += std::exp(0.5 * static_cast<double>(logvar[j]));
        if (logvar[j] < logvar[low]) low = j;
        if (logvar[j] > logvar[high]) high = j;
    }
    const auto sigma = [&](std::size_t j) { return std::exp(0.5 * static_cast<double>(logvar[j])); };
    uncertainty_->setText(tr("Encoder uncertainty: mean σ %1 over %2 dimensions (smallest %3 in z%4, largest %5 in z%6)")
                              .arg(sum / static_cast<double>(logvar.size()), 0, 'f', 3)
                              .arg(logvar.size())
                              .arg(sigma(low), 0, 'f', 3)
                              .arg(low)
                              .arg(sigma(high), 0, 'f', 3)
                              .arg(high));
    uncertainty_->show();
}

QString ImagePanel::uncertaintyText() const { return uncertainty_->isHidden() ? QString() : uncertainty_->text(); }

void ImagePanel::setNearestDatasetImage(qsizetype index, const QString& className, const latent::Image& image,
                                        double rmsDifference) {
    originalImage_ = image;
    setPicture(original_, image);
    const QString which = className.isEmpty() ? tr("#%1").arg(index) : tr("#%1 · %2").arg(index).arg(className);
    originalCaption_->setText(tr("Nearest dataset image %1 (RMS %2)").arg(which).arg(rmsDifference, 0, 'f', 3));
    originalCaption_->setToolTip(tr("The dataset image whose pixels are closest to the decoded sample: "
                                    "how close the generator comes to the data."));
}

void ImagePanel::setSmoothScaling(bool smooth) {
    if (smooth == smooth_) return;
    smooth_ = smooth;
    if (!originalImage_.pixels.empty()) setPicture(original_, originalImage_);
    if (hasDecoded()) setPicture(decodedPicture_, decoded_);
}

QPixmap ImagePanel::decodedPixmap() const { return decodedPicture_->pixmap(); }

void ImagePanel::setPicture(QLabel* label, const latent::Image& image) {
    const QImage img = toQImage(image);
    if (img.isNull()) {
        clearPicture(label, tr("no image"));
        return;
    }
    if (smooth_) {  // fill the slot, interpolating between pixels
        label->setPixmap(QPixmap::fromImage(
            img.scaled(kPictureSide, kPictureSide, Qt::KeepAspectRatio, Qt::SmoothTransformation)));
        return;
    }
    // Integer nearest-neighbour scale, so pixels stay crisp squares.
    const int scale = std::max(1, kPictureSide / std::max(img.width(), img.height()));
    label->setPixmap(QPixmap::fromImage(
        img.scaled(img.width() * scale, img.height() * scale, Qt::KeepAspectRatio, Qt::FastTransformation)));
}

void ImagePanel::clearPicture(QLabel* label, const QString& text) {
    // Every slider step clears the original's slot again: skip the repaint when nothing
    // changes.
    if (label->pixmap().isNull() && label->text() == text) return;
    label->setPixmap({});
    label->setText(text);
}

}  // namespace latent::ui
