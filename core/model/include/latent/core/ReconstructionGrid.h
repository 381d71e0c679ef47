#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Model.h"

namespace latent {

// Originals and their reconstructions in pairs of rows: `columns` dataset images, then
// the model's decode(encode(x)) of each below it, for as many row pairs as `indices` fill.
Raster reconstructionGrid(const Model& model, const Dataset& data,
                          const std::vector<std::size_t>& indices, int columns, int scale);

// The first index of each class, then the next of each, and so on: a grid that shows
// every class.
std::vector<std::size_t> indicesAcrossClasses(const Dataset& data, std::size_t count);

}  // namespace latent
