#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"
#include "latent/core/Progress.h"

namespace latent {

// Which of k folds each item is tested in (0..k-1); the rest train.
struct Folds {
    std::vector<int> foldOf;
    int count = 0;
};
// Item i is tested in fold i % k: with items in a random order (see sampleItems) the folds
// are random, and anyone can rebuild them.
Folds roundRobinFolds(std::size_t items, int k);

// Multinomial logistic regression with an L2 penalty (scikit-learn's LogisticRegression:
// C = 1, an unpenalised intercept, fitted to the optimum by L-BFGS) on features standardised
// with the training items' mean and standard deviation (constant features left unscaled).
// The fraction of test items predicted right, over all folds. Labels are 0..classes-1.
// Throws Error(Cancelled).
double crossValidatedLogisticAccuracy(const LatentBatch& features, const std::vector<int>& labels,
                                      const Folds& folds, int threads, const ProgressFn& progress = {});

// k-nearest-neighbour vote (Euclidean, unweighted; a tie goes to the lowest label, as in
// scikit-learn's KNeighborsClassifier), accuracy over all folds.
double crossValidatedKnnAccuracy(const LatentBatch& features, const std::vector<int>& labels,
                                 const Folds& folds, std::size_t k, int threads);

// The mean silhouette of the items with their labels as clusters (Euclidean; 0 for an item
// alone in its cluster), as scikit-learn's silhouette_score. Needs 2 to N-1 clusters.
double silhouetteScore(const LatentBatch& features, const std::vector<int>& labels, int threads);

}  // namespace latent
