#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/Progress.h"
#include "latent/core/ThreadTeam.h"

namespace latent::detail {

// Rows of standardised features (row-major, n x dim) with their labels.
struct TrainingSet {
    std::size_t count = 0, dim = 0;
    std::vector<float> x;
    std::vector<int> labels;
    int classes = 0;
};

// Weights (classes x dim, then one intercept per class) minimising the summed
// cross-entropy plus half the squared weights (C = 1), found by L-BFGS from `start` (the
// optimum is unique, so a start near it only saves iterations; empty: zeros).
std::vector<double> fitLogisticRegression(const TrainingSet& train, std::vector<double> start, ThreadTeam& team,
                                          const ProgressFn& cancelled);

// The most probable class of one standardised row.
int predictLogistic(const std::vector<double>& weights, const float* row, std::size_t dim, int classes);

}  // namespace latent::detail
