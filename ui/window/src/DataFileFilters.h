#pragma once

#include <QString>

#include "latent/core/DataFormats.h"

namespace latent::ui {

// Open-dialog filters made from core's format registry: one line for every file format of
// `role`, after one line for all of them ("Data (*.npy *.npz …)").
QString fileDialogFilter(latent::DataRole role);

}  // namespace latent::ui
