#pragma once

#include <QLabel>
#include <QWidget>

#include "latent/core/Image.h"

namespace latent::ui {

// Side panel: the clicked item's original image next to its decoded reconstruction, or a
// decoded image of an empty spot of the map, enlarged with nearest-neighbour scaling.
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
    bool farFromData_ = false;
    qsizetype index_ = -1;
    latent::Image decoded_;
};

}  // namespace latent::ui
