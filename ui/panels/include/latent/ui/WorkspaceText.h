#pragma once

#include <QString>

#include "latent/core/Workspace.h"

namespace latent::ui {

// What a loaded workspace is, for the status bar: "10,000 images encoded by Fashion VAE in
// 1.20 s", "300 prior samples for …", "5,000 precomputed 16-d vectors (.npy), shown on the
// map (no model) …", and the unreadable files skipped, if any.
QString loadedSummary(const latent::Workspace& ws);

}  // namespace latent::ui
