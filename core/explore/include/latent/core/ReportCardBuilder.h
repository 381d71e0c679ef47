#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>

#include "latent/core/DecodeLatents.h"
#include "latent/core/Progress.h"
#include "latent/core/ReportCard.h"
#include "latent/core/Workspace.h"

namespace latent {

// What the report card measures on, and how much. Every sample is drawn with `seed`: the
// same seed gives the same card.
struct ReportOptions {
    std::uint64_t seed = 1;
    int threads = 1;
    std::size_t classifierSample = 2000;  // separability: items, k-fold cross-validated
    int folds = 5;
    std::size_t neighbours = 5;  // the kNN classifier's k
    int informationBins = 20;    // disentanglement: bins per latent dimension
    std::size_t continuityPairs = 100;
    std::size_t continuitySteps = 16;
    std::size_t generalisationSample = 2000;  // items of each of the two datasets
    // Generalisation compares the workspace's data with this dataset (same model input).
    // Empty: the other split of an IDX folder (train for test, test for train).
    std::filesystem::path compareData;
    std::string compareSplit = "train";
};

// The five properties of the workspace's latent space, measured. A section that cannot be
// measured (no model, no labels, one split only) says why. Every decode goes through
// `decode` (a window's shared inference engine; the command line decodes directly);
// generalisation encodes its samples with the workspace's model. Throws Error(Cancelled).
ReportCard measureReportCard(const Workspace& ws, const WorkspaceIdentity& identity, const ReportOptions& options,
                             const DecodeFn& decode, const ProgressFn& progress = {});
// Decodes with the workspace's model itself (none without a model), for callers with no
// inference engine.
DecodeFn directDecode(const Workspace& ws);

}  // namespace latent
