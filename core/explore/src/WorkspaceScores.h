#pragma once

#include <optional>

#include "latent/core/ItemScores.h"
#include "latent/core/Workspace.h"

namespace latent {

// The per-item scores of a built workspace (latents, logvars and neighbour index set):
// `reconstruction` holds the errors gathered while encoding, none when nothing was
// encoded. Each score the workspace cannot give says why.
ItemScores scoreWorkspace(const Workspace& ws, const std::optional<ReconstructionErrors>& reconstruction,
                          int threads, const ProgressFn& progress = {});

}  // namespace latent
