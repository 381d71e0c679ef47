#pragma once

#include <string>
#include <vector>

#include "latent/core/Image.h"

namespace latent::detail {

// "data:image/png;base64,...": an image any browser shows with no file beside the page.
// Each pixel is repeated `scale` times in both directions.
std::string pngDataUri(const Image& image, int scale);
// The images side by side, 2 pixels apart, as one PNG data URI.
std::string stripDataUri(const std::vector<Image>& images, int scale);

}  // namespace latent::detail
