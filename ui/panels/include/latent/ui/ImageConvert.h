#pragma once

#include <QImage>

#include "latent/core/Image.h"

namespace latent::ui {

// A [0, 1] CHW image (grey or RGB) as an 8-bit QImage.
QImage toQImage(const latent::Image& image);

}  // namespace latent::ui
