#include "latent/core/Classifiers.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "LogisticRegression.h"
#include "latent/core/Error.h"
#include "latent/core/NeighbourIndex.h"
#include "latent/core/ThreadTeam.h"

namespace latent {
namespace {

int classCount(const std::vector<int>& labels) {
    int largest = -1;
    for (int label : labels) {
        if (label < 0) throw Error(ErrorKind::InvalidArgument, "classifiers: labels must be 0 or more");
        largest = std::max(largest, label);
    }
    return largest + 1;
}

void checkShapes(const LatentBatch& features, const std::vector<int>& labels, const Folds& folds) {
    if (labels.size() != features.count || folds.foldOf.size() != features.count || folds.count < 2) {
        throw Error(ErrorKind::InvalidArgument, "classifiers: features, labels and folds differ in size");
    }
}

// The training items' mean and standard deviation (1 for a constant feature, as
// scikit-learn's StandardScaler leaves it).
struct Scaler {
    std::vector<double> mean, scale;

    Scaler(const LatentBatch& features, const std::vector<std::size_t>& items)
        : mean(features.dim, 0.0), scale(features.dim, 0.0) {
        for (std::size_t i : items) {
            for (std::size_t d = 0; d < features.dim; ++d) mean[d] += features.row(i)[d];
        }
        for (double& m : mean) m /= static_cast<double>(items.size());
        for (std::size_t i : items) {
            for (std::size_t d = 0; d < features.dim; ++d) {
                const double v = features.row(i)[d] - mean[d];
                scale[d] += v * v;
            }
        }
        for (double& s : scale) {
            s = std::sqrt(s / static_cast<double>(items.size()));
            if (s < 10.0 * std::numeric_limits<double>::epsilon()) s = 1.0;
        }
    }

    void apply(std::span<const float> row, float* out) const {
        for (std::size_t d = 0; d < row.size(); ++d) out[d] = static_cast<float>((row[d] - mean[d]) / scale[d]);
    }
};

std::vector<std::size_t> itemsWhere(const Folds& folds, int fold, bool inFold) {
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < folds.foldOf.size(); ++i) {
        if ((folds.foldOf[i] == fold) == inFold) items.push_back(i);
    }
    return items;
}

double squaredDistance(std::span<const float> a, std::span<const float> b) {
    double sum = 0.0;
    for (std::size_t d = 0; d < a.size(); ++d) {
        const double v = static_cast<double>(a[d]) - b[d];
        sum += v * v;
    }
    return sum;
}

}  // namespace

Folds roundRobinFolds(std::size_t items, int k) {
    if (k < 2 || items < static_cast<std::size_t>(k)) {
        throw Error(ErrorKind::InvalidArgument, "cross-validation needs 2 or more folds and an item for each");
    }
    Folds folds{std::vector<int>(items), k};
    for (std::size_t i = 0; i < items; ++i) folds.foldOf[i] = static_cast<int>(i % static_cast<std::size_t>(k));
    return folds;
}

double crossValidatedLogisticAccuracy(const LatentBatch& features, const std::vector<int>& labels,
                                      const Folds& folds, int threads, const ProgressFn& progress) {
    checkShapes(features, labels, folds);
    const int classes = classCount(labels);
    std::size_t right = 0;
    ThreadTeam team(threads);
    std::vector<double> weights;  // each fold starts from the last one's optimum, close to its own
    for (int fold = 0; fold < folds.count; ++fold) {
        const auto trainItems = itemsWhere(folds, fold, false), testItems = itemsWhere(folds, fold, true);
        const Scaler scaler(features, trainItems);
        detail::TrainingSet train{trainItems.size(), features.dim, std::vector<float>(trainItems.size() * features.dim),
                                  {}, classes};
        for (std::size_t t = 0; t < trainItems.size(); ++t) {
            scaler.apply(features.row(trainItems[t]), train.x.data() + t * features.dim);
            train.labels.push_back(labels[trainItems[t]]);
        }
        const ProgressFn stillWanted = [&](double, const std::string&) {
            return !progress || progress(static_cast<double>(fold) / folds.count, "Fitting a linear classifier");
        };
        weights = detail::fitLogisticRegression(train, std::move(weights), team, stillWanted);
        std::vector<float> row(features.dim);
        for (std::size_t i : testItems) {
            scaler.apply(features.row(i), row.data());
            right += detail::predictLogistic(weights, row.data(), features.dim, classes) == labels[i];
        }
    }
    return static_cast<double>(right) / static_cast<double>(features.count);
}

double crossValidatedKnnAccuracy(const LatentBatch& features, const std::vector<int>& labels,
                                 const Folds& folds, std::size_t k, int threads) {
    checkShapes(features, labels, folds);
    const int classes = classCount(labels);
    std::vector<char> right(features.count, 0);
    parallelFor(features.count, threads, {}, "", [&](std::size_t i) {
        std::vector<std::pair<double, std::size_t>> candidates;
        for (std::size_t j = 0; j < features.count; ++j) {
            if (folds.foldOf[j] != folds.foldOf[i]) candidates.emplace_back(squaredDistance(features.row(i), features.row(j)), j);
        }
        const std::size_t kept = std::min(k, candidates.size());
        std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(kept), candidates.end());
        std::vector<int> votes(static_cast<std::size_t>(classes), 0);
        for (std::size_t n = 0; n < kept; ++n) ++votes[static_cast<std::size_t>(labels[candidates[n].second])];
        right[i] = static_cast<int>(std::max_element(votes.begin(), votes.end()) - votes.begin()) == labels[i];
    });
    return static_cast<double>(std::count(right.begin(), right.end(), 1)) / static_cast<double>(features.count);
}

double silhouetteScore(const LatentBatch& features, const std::vector<int>& labels, int threads) {
    if (labels.size() != features.count) throw Error(ErrorKind::InvalidArgument, "silhouette: labels and items differ");
    const int classes = classCount(labels);
    std::vector<std::size_t> sizes(static_cast<std::size_t>(classes), 0);
    for (int label : labels) ++sizes[static_cast<std::size_t>(label)];
    const auto clusters = std::count_if(sizes.begin(), sizes.end(), [](std::size_t s) { return s > 0; });
    if (clusters < 2 || static_cast<std::size_t>(clusters) >= features.count) {
        throw Error(ErrorKind::InvalidArgument, "the silhouette needs between 2 and N-1 classes");
    }
    std::vector<double> silhouette(features.count, 0.0);
    parallelFor(features.count, threads, {}, "", [&](std::size_t i) {
        std::vector<double> sums(sizes.size(), 0.0);
        for (std::size_t j = 0; j < features.count; ++j) {
            sums[static_cast<std::size_t>(labels[j])] += std::sqrt(squaredDistance(features.row(i), features.row(j)));
        }
        const auto own = static_cast<std::size_t>(labels[i]);
        if (sizes[own] < 2) return;  // alone in its cluster: 0
        const double a = sums[own] / static_cast<double>(sizes[own] - 1);
        double b = std::numeric_limits<double>::infinity();
        for (std::size_t c = 0; c < sizes.size(); ++c) {
            if (c != own && sizes[c] > 0) b = std::min(b, sums[c] / static_cast<double>(sizes[c]));
        }
        if (std::max(a, b) > 0.0) silhouette[i] = (b - a) / std::max(a, b);  // else a duplicate of everything: 0
    });
    return std::accumulate(silhouette.begin(), silhouette.end(), 0.0) / static_cast<double>(features.count);
}

}  // namespace latent
