#pragma once

#include <vector>

#include "latent/core/ModelComparison.h"
#include "latent/core/ReportCard.h"
#include "latent/core/ReportCardBuilder.h"
#include "latent/core/Workspace.h"

namespace latent {

// The report-card numbers cheap enough to measure on every checkpoint of a training run, so
// a timeline can plot them against the epoch: the mean reconstruction error and KL to the
// prior, the active and effective dimensions, the kNN accuracy on the latents and the
// neighbour agreement with the first model (`agreement`, this checkpoint's). Always these
// six in this order, each NaN (with `sample` saying why) where it cannot be measured.
std::vector<CardNumber> measureCheckpoint(const Workspace& ws, const ModelAgreement& agreement,
                                          const ReportOptions& options);

}  // namespace latent
