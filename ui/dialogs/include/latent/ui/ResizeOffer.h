#pragma once

#include <QString>
#include <functional>

#include "latent/core/Image.h"
#include "latent/core/ImageResize.h"

class QMessageBox;
class QWidget;

namespace latent::ui {

// "1 × 28 × 28" (channels × height × width).
QString shapeText(const latent::ImageShape& shape);

// Asks, in a window-modal box that does not block the caller, whether to resize the
// dataset's images to the model's shape; both shapes and the resize are named. `answer`
// gets true for Resize, false for Cancel (or a closed box). The box is named "resizeOffer"
// and deletes itself.
QMessageBox* offerResize(QWidget* parent, const latent::ImageShape& datasetShape,
                         const latent::ImageShape& modelShape, latent::ResizeFilter filter,
                         std::function<void(bool)> answer);

}  // namespace latent::ui
