#pragma once

#include <cstddef>

#include "latent/core/LatentBatch.h"
#include "latent/core/Projection.h"

namespace latent {

// From this many points on, TsneRepulsion::Auto interpolates a 2-D map's repulsion, where it
// is measured faster than Barnes-Hut (docs/projections.md).
inline constexpr std::size_t kTsneInterpolationFrom = 20000;

// t-SNE (van der Maaten 2014) to params.dims = 2 or 3 dimensions.
//
// - Affinities: perplexity-calibrated Gaussians over the 3 * perplexity + 1 nearest
//   neighbours from buildKnnGraph (exact for small inputs, HNSW above, built on one
//   thread so the graph does not depend on thread timing), symmetrised.
// - Initialisation: the first principal components, scaled so the first has standard
//   deviation 1e-4 (as scikit-learn's default), so the map's global layout follows the
//   data's main directions rather than the seed.
// - Optimisation: params.iterations (0: 1000) steps of gradient descent with momentum and
//   per-coordinate gains (delta-bar-delta); the first quarter (at most 250 steps) with P
//   multiplied by params.earlyExaggeration and momentum 0.5, then momentum 0.8.
//   params.learningRate follows scikit-learn's convention (0: max(N / exaggeration / 4,
//   50)); the gradient is scaled to match it.
// - Repulsion, by params.tsneRepulsion: a Barnes-Hut quadtree/octree with params.theta
//   (0: exact), or FFT-accelerated interpolation (Linderman et al. 2019, FIt-SNE: 3
//   Lagrange nodes per box and axis, boxes at most 1 wide; about 1e-3 relative error) for
//   2-D maps only. Auto interpolates 2-D maps from kTsneInterpolationFrom points on, where
//   it is the faster; 3-D maps always use Barnes-Hut (asking them to interpolate is refused).
//   Attraction is over the sparse P; everything is spread over params.threads threads.
//   The result depends only on the input, the seed and the parameters, not on the
//   thread count.
//
// `callback` gets the layout every 10 iterations (and the starting layout while the
// neighbours are searched); returning false throws Error(Cancelled). Bad parameters or
// NaN/Inf input throw Error(InvalidArgument) with a message naming the problem; a layout
// that leaves the finite numbers (too large a learning rate) throws Error(InvalidArgument).
LatentBatch runTsne(const LatentBatch& data, const ProjectionParams& params,
                    const LayoutCallback& callback = {});

}  // namespace latent
