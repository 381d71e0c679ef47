#pragma once

#include <QImage>
#include <QStringList>
#include <vector>

#include "latent/core/ImageIo.h"

namespace latent::ui {

// A decoded grid (rows x columns cells, `gap` px apart, as makeGrid tiles them) with each
// row's name at its left and each cell's value under it: a traversal grid a reader can
// interpret on paper. `values[r][c]` is the value of row r's dimension in column c.
QImage labelledGrid(const latent::Raster& grid, int columns, int gap, const QStringList& rowNames,
                    const std::vector<std::vector<double>>& values);

}  // namespace latent::ui
