#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "latent/core/KnnGraph.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"

namespace latent {

class ThreadTeam;

// The joint probabilities P of t-SNE as a symmetric sparse matrix in compressed rows:
// row i holds columns[rowStart[i] .. rowStart[i + 1]) and their values. Sums to 1.
struct SparseAffinities {
    std::vector<std::size_t> rowStart;
    std::vector<std::uint32_t> columns;
    std::vector<float> values;
};

// How many neighbours the affinities look at: 3 * perplexity, as in van der Maaten 2014
// (plus one, as scikit-learn, so both see the same graph), at most count - 1.
std::size_t tsneNeighbourCount(std::size_t count, double perplexity);

// Conditional probabilities p_j|i over each point's nearest neighbours, with the Gaussian
// width found by binary search so the entropy matches log(perplexity); then
// P = (p_j|i + p_i|j) / 2N. Euclidean neighbours use squared distances, as in the paper.
SparseAffinities tsneAffinities(const KnnGraph& graph, double perplexity, Metric metric,
                                ThreadTeam& team);

}  // namespace latent
