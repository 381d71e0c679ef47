#pragma once

#include <cstddef>
#include <vector>

#include "latent/core/LatentBatch.h"

namespace latent {

// One latent dimension cut into `bins` equal-width bins between its smallest and largest
// value: bin 0..bins-1 per item, with edges placed as NumPy's histogram places them, so the
// bins equal np.digitize(x, np.histogram_bin_edges(x, bins)[:-1]) - 1.
std::vector<int> equalWidthBins(const LatentBatch& latents, std::size_t dim, int bins);

// Mutual information of two labelings of the same items, in nats (scikit-learn's
// mutual_info_score). Labels are 0 or more.
double mutualInformation(const std::vector<int>& a, const std::vector<int>& b);
// Entropy of a labeling in nats.
double entropy(const std::vector<int>& labels);

// How far two labelings of the same items agree, as scikit-learn computes it: the adjusted
// Rand index (1 when equal, about 0 for independent labelings) and the normalised mutual
// information (MI over the arithmetic mean of the two entropies; 1 when equal).
double adjustedRandIndex(const std::vector<int>& a, const std::vector<int>& b);
double normalisedMutualInformation(const std::vector<int>& a, const std::vector<int>& b);

// How a label column spreads over the latent dimensions.
struct DimensionInformation {
    std::vector<double> perDimension;  // mutual information of each dimension with the label, nats
    double labelEntropy = 0.0;         // nats
    // MIG (Chen et al. 2018): the most informative dimension's lead over the second, over
    // the label's entropy; 1 when one dimension alone carries the label, 0 when two share it.
    double gap = 0.0;
};
DimensionInformation dimensionInformation(const LatentBatch& latents, const std::vector<int>& labels, int bins);

}  // namespace latent
