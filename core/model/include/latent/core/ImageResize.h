#pragma once

#include <string>

#include "latent/core/Dataset.h"
#include "latent/core/Image.h"

namespace latent {

enum class ResizeFilter { Nearest, Bilinear };

const char* toString(ResizeFilter filter);

// `image` resampled to `target`: height and width with `filter` (pixel centres aligned),
// grey to RGB by copying the channel, RGB to grey by luma (0.299 R + 0.587 G + 0.114 B).
// Throws Error(InvalidArgument) for channel counts other than 1 and 3.
Image resizeImage(const Image& image, const ImageShape& target, ResizeFilter filter);

// Whether fitting images of shape `from` to a model's `to` keeps them meaningful: grey or
// RGB on both sides, and each side scaled by at most a factor of 4.
bool resizeIsSensible(const ImageShape& from, const ImageShape& to);

// "1x28x28 images resized to 3x64x64 (bilinear, grey copied to RGB)": the policy as the
// user is told about it.
std::string describeResize(const ImageShape& from, const ImageShape& to, ResizeFilter filter);

// Every image of `data` resized to `target`. Throws Error(InvalidArgument) naming both
// shapes when the resize is not sensible.
Dataset resizeDataset(const Dataset& data, const ImageShape& target, ResizeFilter filter);

}  // namespace latent
