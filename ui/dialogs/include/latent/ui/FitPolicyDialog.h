#pragma once

#include <QDialog>
#include <QSize>
#include <optional>

#include "latent/core/Image.h"
#include "latent/core/ImageFolder.h"

class QCheckBox;
class QRadioButton;

namespace latent::ui {

// The first image of a folder as its file header describes it (no pixels are decoded).
struct ImagePeek {
    QSize size;
    bool colour = false;
};
std::optional<ImagePeek> peekFirstImage(const QString& folder);

// Whether images like `peek` need fitting to a model taking `model` images.
bool needsFitting(const ImagePeek& peek, const latent::ImageShape& model);

// Asks how the images of a folder are fitted to the model: stretched or centre-cropped to
// its size, and whether colour images are made grey first.
class FitPolicyDialog : public QDialog {
    Q_OBJECT
public:
    FitPolicyDialog(const QString& folder, const ImagePeek& peek, const latent::ImageShape& model,
                    QWidget* parent = nullptr);

    latent::FitPolicy policy() const;
    bool greyscale() const;

private:
    QRadioButton* stretch_;
    QRadioButton* crop_;
    QCheckBox* grey_;
};

}  // namespace latent::ui
