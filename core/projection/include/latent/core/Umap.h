#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/LayoutAnchor.h"
#include "latent/core/NeighbourGraphs.h"
#include "latent/core/Projection.h"

namespace latent {

// The a, b of UMAP's low-dimensional similarity 1 / (1 + a d^(2b)), least-squares fitted to
// the curve that is 1 up to min_dist and decays as exp(-(d - min_dist) / spread) after it.
struct UmapCurve {
    double a = 0.0;
    double b = 0.0;
};
UmapCurve fitUmapCurve(double minDist, double spread = 1.0);

// UMAP (McInnes, Healy & Melville 2018), written from the paper and umap-learn's
// documentation: a kNN graph, a fuzzy simplicial set (per-point rho and sigma, fuzzy union),
// a spectral initialisation (PCA when the eigensolver does not converge), and SGD with
// negative sampling.
//
// Determinism: the result depends only on the data, the parameters, the seed and the thread
// count. The SGD splits the points into `threads` fixed ranges; each thread owns the edges
// whose head lies in its range, moves only its own points, has its own seeded RNG, and reads
// other threads' points from a copy taken eight times an epoch. So no two threads
// write the same memory and no read races a write. The kNN graph (exact up to 4096 points,
// NN-descent above) is the same for any thread count.
class UmapModel {
public:
    // Fits a map of `data` with params.dims (2 or 3), params.neighbours (n_neighbors,
    // counting the point itself, as umap-learn does), params.minDist, params.metric,
    // params.iterations (epochs; 0: 500 up to 10,000 points, else 200), params.seed and
    // params.threads. `cb` gets the layout every few epochs; while the neighbour graph is
    // being built it gets an empty layout. Throws Error(InvalidArgument) for bad parameters
    // or NaN/Inf input and Error(Cancelled) when `cb` returns false. With `graphs` (the
    // graphs of these latents), the neighbour graph is taken from it, or built into it.
    // With an `anchor`, the layout starts from the anchor's layout (scaled alike on every
    // axis so its widest spans 10, as a spectral start is boxed) instead of the spectral
    // layout, and every epoch moves each point anchor.weight x the epoch's learning rate of
    // the way towards its place in the anchor, scaled to the layout's current centre and
    // spread (so the pull keeps the anchor's arrangement, not its size).
    static UmapModel fit(const LatentBatch& data, const ProjectionParams& params,
                         const LayoutCallback& cb = {}, NeighbourGraphs* graphs = nullptr,
                         const LayoutAnchor& anchor = {});

    // A fitted model as saved (UmapModelFile.h): its training latents, their map, the
    // parameters and epochs it was fitted with. Throws Error(InvalidArgument) when they do
    // not fit together or hold NaN/Inf.
    static UmapModel restore(LatentBatch data, LatentBatch embedding, const ProjectionParams& params,
                             int epochs, std::string initialisation);

    const LatentBatch& trainingData() const { return data_; }
    const LatentBatch& embedding() const { return embedding_; }
    int epochs() const { return epochs_; }
    const ProjectionParams& params() const { return params_; }
    const UmapCurve& curve() const { return curve_; }
    // How the layout was initialised: "spectral", "PCA (spectral did not converge)" or
    // "the anchor layout".
    const std::string& initialisation() const { return initialisation_; }

    // Places new points on this map without moving the map: each starts at the
    // membership-weighted mean of its neighbours' positions among the training points and is
    // then optimised alone (a third of the training epochs, learning rate 1/4, as
    // umap-learn). Every point draws from the same seeded RNG stream and its scale comes
    // from its own neighbours, so a point lands in the same place whatever else is in the
    // batch and whatever the thread count (shards land as one batch would), and nearby
    // points (a morph's frames) stay near each other. Throws Error(InvalidArgument) for a
    // dimension mismatch or NaN/Inf. `threads` (0: the fit's) only changes the speed.
    LatentBatch transform(const LatentBatch& newPoints, int threads = 0) const;

private:
    LatentBatch data_;
    LatentBatch embedding_;
    ProjectionParams params_;
    UmapCurve curve_;
    std::string initialisation_;
    int epochs_ = 0;
};

}  // namespace latent
