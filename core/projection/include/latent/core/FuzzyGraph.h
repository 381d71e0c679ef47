#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/KnnGraph.h"

namespace latent {

// A weighted undirected graph over items in compressed rows (both directions of every
// edge are stored).
struct FuzzyGraph {
    std::size_t count = 0;
    std::vector<std::size_t> rowStart;  // count + 1
    std::vector<std::uint32_t> columns;
    std::vector<float> weights;
};

// UMAP's fuzzy simplicial set of a kNN graph: per-point memberships exp(-(d - rho) / sigma)
// joined by the fuzzy union A + A^T - A o A^T. The graph UMAP lays out, and the one clusters
// are found on (as scanpy does). `neighbours` counts the point itself, as umap-learn's
// n_neighbors (the kNN graph holds neighbours - 1). Does not depend on `threads`.
FuzzyGraph fuzzyNeighbourGraph(const KnnGraph& knn, int neighbours, int threads = 1);

}  // namespace latent
