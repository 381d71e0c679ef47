#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"

namespace latent {

enum class Metric { Euclidean, Cosine };

// The k nearest neighbours of every row of a dataset, self excluded, nearest first.
// Distances are Euclidean distances, or 1 - cosine similarity for Metric::Cosine.
struct KnnGraph {
    std::size_t count = 0;
    std::size_t k = 0;
    std::vector<std::uint32_t> indices;  // count x k
    std::vector<float> distances;        // count x k

    const std::uint32_t* neighbours(std::size_t i) const { return indices.data() + i * k; }
    const float* neighbourDistances(std::size_t i) const { return distances.data() + i * k; }
};

struct KnnOptions {
    Metric metric = Metric::Euclidean;
    int threads = 1;
    std::uint64_t seed = 42;
    // Up to this many points the graph is exact (brute force); above, approximate (HNSW).
    std::size_t exactBelow = 4096;
    std::size_t hnswM = 16;
    std::size_t hnswEfConstruction = 200;
    std::size_t hnswEfSearch = 0;  // 0: max(2k, 64)
    // HNSW only: insert the points one by one in index order, so the index (and every
    // graph from it) is the same for a seed whatever `threads` is; queries stay parallel.
    // Parallel insertion is faster but its order, hence the index, varies between runs.
    bool reproducibleIndex = false;
    // Above exactBelow: NN-descent instead of HNSW. It only builds the graph of the data
    // with itself (no index to query later) but does so with far fewer distance
    // evaluations, and gives the same graph for a seed whatever `threads` is.
    bool nnDescent = false;
};

// Throws Error(InvalidArgument) for k < 1, k >= count, or NaN/Inf input; Cancelled on cancel.
KnnGraph buildKnnGraph(const LatentBatch& data, std::size_t k, const KnnOptions& options = {},
                       const ProgressFn& progress = {});

// The exact graph by brute force, for tests and small inputs.
KnnGraph exactKnnGraph(const LatentBatch& data, std::size_t k, Metric metric = Metric::Euclidean,
                       int threads = 1);

}  // namespace latent
