#include "latent/core/InformationMeasures.h"

#include <algorithm>
#include <cmath>
#include <map>

#include "latent/core/Error.h"

namespace latent {

std::vector<int> equalWidthBins(const LatentBatch& latents, std::size_t dim, int bins) {
    if (bins < 1 || dim >= latents.dim) throw Error(ErrorKind::InvalidArgument, "binning: no such dimension");
    std::vector<int> bin(latents.count, 0);
    if (latents.count == 0) return bin;
    double low = latents.row(0)[dim], high = low;
    for (std::size_t i = 0; i < latents.count; ++i) {
        low = std::min<double>(low, latents.row(i)[dim]);
        high = std::max<double>(high, latents.row(i)[dim]);
    }
    if (low == high) low -= 0.5, high += 0.5;  // NumPy widens a constant range the same way
    // np.linspace(low, high, bins + 1): low + j * step, the last edge exactly high.
    const double step = (high - low) / bins;
    std::vector<double> edges(static_cast<std::size_t>(bins));
    for (int j = 0; j < bins; ++j) edges[static_cast<std::size_t>(j)] = low + j * step;
    for (std::size_t i = 0; i < latents.count; ++i) {
        const double v = latents.row(i)[dim];
        bin[i] = static_cast<int>(std::upper_bound(edges.begin(), edges.end(), v) - edges.begin()) - 1;
    }
    return bin;
}

double mutualInformation(const std::vector<int>& a, const std::vector<int>& b) {
    if (a.size() != b.size()) throw Error(ErrorKind::InvalidArgument, "mutual information: labelings differ in size");
    if (a.empty()) return 0.0;
    std::map<std::pair<int, int>, double> joint;
    std::map<int, double> marginalA, marginalB;
    for (std::size_t i = 0; i < a.size(); ++i) {
        ++joint[{a[i], b[i]}];
        ++marginalA[a[i]];
        ++marginalB[b[i]];
    }
    const auto n = static_cast<double>(a.size());
    double mi = 0.0;
    for (const auto& [cell, count] : joint) {
        mi += count / n * std::log(count * n / (marginalA[cell.first] * marginalB[cell.second]));
    }
    return std::max(mi, 0.0);
}

double entropy(const std::vector<int>& labels) { return mutualInformation(labels, labels); }

double adjustedRandIndex(const std::vector<int>& a, const std::vector<int>& b) {
    if (a.size() != b.size()) throw Error(ErrorKind::InvalidArgument, "Rand index: labelings differ in size");
    const auto pairs = [](double n) { return n * (n - 1.0) / 2.0; };
    std::map<std::pair<int, int>, double> joint;
    std::map<int, double> rows, columns;
    for (std::size_t i = 0; i < a.size(); ++i) ++joint[{a[i], b[i]}], ++rows[a[i]], ++columns[b[i]];
    double together = 0.0, rowPairs = 0.0, columnPairs = 0.0;
    for (const auto& [cell, n] : joint) together += pairs(n);
    for (const auto& [label, n] : rows) rowPairs += pairs(n);
    for (const auto& [label, n] : columns) columnPairs += pairs(n);
    const double expected = rowPairs * columnPairs / pairs(static_cast<double>(a.size()));
    const double most = (rowPairs + columnPairs) / 2.0;
    // Both labelings one cluster, or both all singletons: they agree perfectly.
    if (most == expected) return 1.0;
    return (together - expected) / (most - expected);
}

double normalisedMutualInformation(const std::vector<int>& a, const std::vector<int>& b) {
    const double ha = entropy(a), hb = entropy(b);
    if (ha == 0.0 && hb == 0.0) return 1.0;  // both one cluster, as scikit-learn
    const double mean = (ha + hb) / 2.0;
    return mean > 0.0 ? mutualInformation(a, b) / mean : 0.0;
}

DimensionInformation dimensionInformation(const LatentBatch& latents, const std::vector<int>& labels, int bins) {
    DimensionInformation info;
    info.labelEntropy = entropy(labels);
    for (std::size_t d = 0; d < latents.dim; ++d) {
        info.perDimension.push_back(mutualInformation(equalWidthBins(latents, d, bins), labels));
    }
    std::vector<double> sorted = info.perDimension;
    std::sort(sorted.rbegin(), sorted.rend());
    if (sorted.size() >= 2 && info.labelEntropy > 0.0) info.gap = (sorted[0] - sorted[1]) / info.labelEntropy;
    return info;
}

}  // namespace latent
