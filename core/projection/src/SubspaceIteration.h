#pragma once

// Internal to core: the few eigenvectors of largest eigenvalue of a large symmetric operator,
// shared by UMAP's spectral initialisation and LLE.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace latent::detail {

// A block of p vectors of length n, row-major: vector c of row i is at [i * p + c].
// The operator writes op(in) into out (already sized n * p).
using BlockOperator =
    std::function<void(const std::vector<double>& in, std::vector<double>& out, std::size_t p)>;

struct SubspaceOptions {
    std::size_t wanted = 2;
    std::size_t block = 6;  // > wanted: the extra vectors speed up convergence
    int maxIterations = 1000;
    double tolerance = 1e-6;  // on ||A x - theta x|| relative to the largest theta
    std::uint64_t seed = 0;
    std::vector<double> deflate;  // a known unit eigenvector to keep out, or empty
    // Chebyshev filtering (Zhou & Saad 2007): each iteration applies a polynomial of this
    // degree that damps [spectrumLow, smallest Ritz value] and amplifies what lies above,
    // so a small gap between the wanted and the unwanted eigenvalues costs about its
    // square root in operator applications instead of the gap itself. 0: plain iteration.
    int chebyshevDegree = 0;
    double spectrumLow = 0.0;  // a lower bound of the operator's spectrum
};

struct EigenBlock {
    std::vector<double> values;   // wanted, descending
    std::vector<double> vectors;  // n x wanted, row-major
    bool converged = false;
    int iterations = 0;
};

// Called every few iterations with the current estimate; returning false throws
// Error(Cancelled).
using SubspaceProgress = std::function<bool(int iteration, const EigenBlock& estimate)>;

// Block subspace iteration with a Rayleigh-Ritz step every iteration (optionally Chebyshev
// filtered), for a symmetric
// operator whose wanted eigenvalues are its largest (positive semidefinite operators, or a
// shifted/inverted form of one). Deterministic for a seed.
EigenBlock largestEigenvectors(std::size_t n, const BlockOperator& apply,
                               const SubspaceOptions& options,
                               const SubspaceProgress& progress = {});

}  // namespace latent::detail
