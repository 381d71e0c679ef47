#pragma once

// Internal to core: the pieces of UMAP (Umap.cpp wires them together).

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "latent/core/FuzzyGraph.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Umap.h"

namespace latent::umap {

using latent::FuzzyGraph;

// The smooth kNN distance of one point: rho is the distance to its nearest neighbour and
// sigma solves sum_j exp(-(d_j - rho) / sigma) = log2(neighbours) by bisection.
struct LocalScale {
    double rho = 0.0;
    double sigma = 1.0;
};
LocalScale smoothKnnScale(const float* distances, std::size_t k, double target,
                          double meanDistanceOfAll);

// The fuzzy union A + A^T - A o A^T of the per-point memberships exp(-(d - rho) / sigma).
// `neighbours` is the number umap-learn calls n_neighbors (the graph holds neighbours - 1).
// The result does not depend on `threads`.
FuzzyGraph fuzzySimplicialSet(const KnnGraph& knn, int neighbours, int threads = 1);

// Initial positions from the eigenvectors of the graph's normalised Laplacian; an empty
// result means the eigensolver did not converge.
std::vector<double> spectralLayout(const FuzzyGraph& graph, int dims, std::uint64_t seed,
                                   int threads);

// One directed edge list for the SGD: edge e moves `heads[e]` towards `tails[e]`.
struct LayoutEdges {
    std::vector<std::uint32_t> heads;  // sorted ascending
    std::vector<std::uint32_t> tails;
    std::vector<double> epochsPerSample;
};
// Drops edges lighter than max / epochs (they would never be sampled) and schedules the rest.
LayoutEdges scheduleEdges(const FuzzyGraph& graph, int epochs);

struct SgdSettings {
    UmapCurve curve;
    int epochs = 0;
    double learningRate = 1.0;
    int negativeSamples = 5;
    std::uint64_t seed = 0;
    int threads = 1;
    // When given (the unitShape of an anchor layout of the same points), every epoch moves
    // each point this share of the epoch's learning rate of the way towards its place in the
    // anchor at the layout's current spread: keeps a map arranged like another.
    const std::vector<float>* anchor = nullptr;
    float anchorWeight = 0.0f;
};
// Called after every few epochs with the epoch count; returning false stops with Cancelled.
using EpochFn = std::function<bool(int epochsDone)>;

// Optimises `layout` (count x dims, row-major) with the edges among its own points.
void optimiseLayout(std::vector<float>& layout, int dims, const LayoutEdges& edges,
                    const SgdSettings& settings, const EpochFn& onEpochs);

// Optimises new points (`moving`, one row each) against a fixed `reference` layout: edge e
// pulls moving point heads[e] towards reference point tails[e]; negatives come from the
// reference. Points are independent and each has its own RNG stream.
void optimiseNewPoints(std::vector<float>& moving, const std::vector<float>& reference, int dims,
                       const LayoutEdges& edges, const SgdSettings& settings);

}  // namespace latent::umap
