#pragma once

#include "latent/core/LatentBatch.h"
#include "latent/core/Projection.h"

namespace latent {

// Locally linear embedding (Roweis & Saul 2000). Each point is reconstructed from its
// params.neighbours nearest neighbours (params.metric picks them) with weights that sum to 1
// (local Gram matrix regularised by 1e-3 x its trace, as scikit-learn does); the map is the
// bottom eigenvectors of M = (I - W)^T (I - W) after the constant one, found by inverse
// subspace iteration with a sparse Cholesky factor of M (reverse Cuthill-McKee envelope).
// The axes are scaled to unit variance.
//
// Limits: the factor's size depends on how thin the neighbour graph is, not only on N (see
// docs/umap.md for measured sizes). Inputs whose factor would exceed `limits` are refused
// with Error(InvalidArgument) before any large allocation, instead of freezing.
//
// Deterministic for a seed (and, below 4096 points, for any thread count). `cb` gets an empty
// layout while weights and the factor are computed, then the layout so far every few
// iterations. Throws Error(InvalidArgument) for dims not 2/3, neighbours <= dims or
// >= N, NaN/Inf input or an input over the limits; Error(Cancelled) when `cb` returns false.
struct LleLimits {
    // Fashion-MNIST's 10,000 test latents (16-d, 15 neighbours) need 26 million entries and
    // 4.6e10 multiply-adds (about 40 s of one core); a 2-D manifold of 10,000 points 1.7
    // million and 1.7e8.
    double maxFactorEntries = 30e6;  // doubles in the sparse factor: 240 MB
    double maxFactorWork = 5e10;     // multiply-adds to factorise
};

LatentBatch runLle(const LatentBatch& data, const ProjectionParams& params,
                   const LayoutCallback& cb = {}, const LleLimits& limits = {});

}  // namespace latent
