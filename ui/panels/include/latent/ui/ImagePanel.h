#pragma once

#include <QLabel>
#include <QPixmap>
#include <QWidget>
#include <span>

#include "latent/core/Image.h"

namespace latent::ui {

// Side panel: the clicked item's original image next to its decoded reconstruction, or a
// decoded image of an empty spot of the map, enlarged with nearest-neighbour scaling (crisp
// pixels) or smooth scaling (the user's choice in the model settings).
class ImagePanel : public QWidget {
    Q_OBJECT
public:
    explicit ImagePanel(QWidget* parent = nullptr);

    // A dataset item: its original is shown at once; the decoded image follows.
    void showDatasetItem(qsizetype index, const QString& className, const latent::Image& original);
    // A point that is not in the dataset; `where` says where it came from. With
    // `keepPicture` the last decoded image stays until the new one arrives (no flicker
    // while a slider is dragged).
    void showGenerated(const QString& where, bool keepPicture = false);
    // For a latent interpolated from nearby map points (non-linear maps): how far the
    // position is from the nearest data point, in typical point spacings. Hidden otherwise.
    // A point with neither an image nor a decoder (precomputed latents, no model).
    void showPointWithoutImage(qsizetype index, const QString& className, const QString& note);
    void setDataDistance(double spacings);
    QString dataDistanceText() const;  // "" when hidden
    bool dataDistanceIsWarning() const { return farFromData_; }
    void setDecoded(const latent::Image& decoded, double milliseconds);
    void showError(const QString& message);
    // A VAE's log-variance for the shown item: a line with the mean σ and its extremes.
    void setUncertainty(std::span<const float> logvar);
    QString uncertaintyText() const;  // "" when hidden
    // A generator's sample: the dataset image closest to the decoded one, in the slot the
    // original of a dataset item takes, with its pixel RMS difference.
    void setNearestDatasetImage(qsizetype index, const QString& className, const latent::Image& image,
                                double rmsDifference);
    QString originalCaption() const { return originalCaption_->text(); }
    void setSmoothScaling(bool smooth);
    bool smoothScaling() const { return smooth_; }
    // The picture shown for the decoded image, as scaled on screen (null when none).
    QPixmap decodedPixmap() const;

    qsizetype currentIndex() const { return index_; }  // -1 for a generated point
    const latent::Image& decodedImage() const { return decoded_; }
    bool hasDecoded() const { return !decoded_.pixels.empty(); }
    QString title() const { return title_->text(); }

private:
    void setPicture(QLabel* label, const latent::Image& image);
    void clearPicture(QLabel* label, const QString& text);

    QLabel* title_;
    QLabel* originalCaption_;
    QLabel* original_;
    QLabel* decodedCaption_;
    QLabel* decodedPicture_;
    QLabel* note_;
    QLabel* distance_;
    QLabel* uncertainty_;
    bool farFromData_ = false;
    bool smooth_ = false;
    latent::Image originalImage_;
    qsizetype index_ = -1;
    latent::Image decoded_;
};

}  // namespace latent::ui
