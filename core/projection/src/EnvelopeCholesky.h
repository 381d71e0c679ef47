#pragma once

// Internal to core: a sparse symmetric positive definite matrix, reordered by reverse
// Cuthill-McKee and factorised as L L^T in envelope (profile) storage. Cheap for matrices
// whose graph is a thin manifold (small envelope), costly for expander-like graphs: callers
// check envelopeSize() and factorisationCost() before filling it.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

namespace latent::detail {

class EnvelopeCholesky {
public:
    // `adjacency[i]` lists the columns of row i's non-zeros (symmetric pattern).
    explicit EnvelopeCholesky(const std::vector<std::vector<std::uint32_t>>& adjacency);

    std::size_t size() const { return first_.size(); }
    std::size_t envelopeSize() const { return entries_; }
    double factorisationCost() const { return cost_; }  // multiply-adds

    // Allocates the envelope (envelopeSize() doubles), all zero.
    void allocate();
    // Adds `value` to entries (i, j) and (j, i) of the matrix (once for i == j). Only
    // entries inside the declared pattern may be touched.
    void add(std::uint32_t i, std::uint32_t j, double value);
    // Factorises in place; false when a pivot is not positive (the matrix is not SPD).
    // `progress` gets the fraction of the work done every few percent; returning false
    // throws Error(Cancelled).
    bool factorise(const std::function<bool(double)>& progress = {});
    // Solves A X = B for a block of p right-hand sides (n x p, row-major) in place.
    void solve(std::vector<double>& block, std::size_t p) const;

private:
    double& at(std::size_t row, std::size_t col) {
        return values_[offset_[row] + col - first_[row]];
    }

    std::vector<std::uint32_t> position_;  // original index -> reordered row
    std::vector<std::size_t> first_;       // first stored column of each reordered row
    std::vector<std::size_t> offset_;      // where each reordered row starts in values_
    std::vector<double> values_;
    std::size_t entries_ = 0;
    double cost_ = 0.0;
};

}  // namespace latent::detail
