#pragma once

// Approximate k-nearest-neighbour graph by NN-descent (Dong, Moses & Li 2011), seeded with
// random projection trees as in pynndescent: a neighbour of a neighbour is likely a
// neighbour, so each round compares every point's neighbours with each other and keeps
// what is closer. For the projections' kNN graphs it needs a fraction of the distance
// evaluations of building and querying an HNSW index.
//
// Deterministic: the same data, k and seed give the same graph for any thread count.
#include <cstddef>
#include <cstdint>

#include "latent/core/KnnGraph.h"
#include "latent/core/Progress.h"

namespace latent::detail {

struct NnDescentOptions {
    Metric metric = Metric::Euclidean;
    int threads = 1;
    std::uint64_t seed = 42;
    std::size_t trees = 0;          // random projection trees for the first guess; 0: from N
    std::size_t leafSize = 0;       // points per tree leaf; 0: from k
    std::size_t maxCandidates = 0;  // neighbours joined per point and round; 0: from k
    std::size_t maxRounds = 0;      // 0: from N
    // Stop when fewer than this fraction of the N x k entries changed in a round.
    double convergence = 0.001;
};

// Throws Error(InvalidArgument) for k < 1, k >= count, or NaN/Inf input; Cancelled on cancel.
KnnGraph nnDescentKnnGraph(const LatentBatch& data, std::size_t k, const NnDescentOptions& options,
                           const ProgressFn& progress = {});

}  // namespace latent::detail
