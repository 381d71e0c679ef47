#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/MetadataTable.h"

namespace latent {

// What the Clusters panel shows of one cluster.
struct ClusterProfile {
    std::size_t size = 0;
    std::vector<float> mean;  // the members' mean latent: decoded, the cluster's prototype
    // The member with the least total distance to the other members (an item of the data),
    // searched among the kMedoidCandidates members nearest the mean.
    std::size_t medoid = 0;
    std::string majority;  // the commonest reference value among the members; "" without one
    double purity = 0.0;   // the share of the members that have it
};

inline constexpr std::size_t kMedoidCandidates = 256;

struct ClusterSummary {
    std::vector<ClusterProfile> clusters;  // by cluster id
    std::size_t unclustered = 0;           // items labelled -1 (noise)
    // Agreement with the reference categories over the items both label: adjusted Rand
    // index and normalised mutual information. Unset without a reference.
    std::optional<double> adjustedRand;
    std::optional<double> mutualInformation;
};

// Profiles of the clusters `labels` gives the items of `latents` (-1: in none). `reference`
// (null: none) is a labelling of the same items to name clusters by and compare with, such
// as the dataset's classes; its codes -1 are ignored. Throws Error(InvalidArgument) for
// labels of another count.
ClusterSummary summariseClusters(const std::vector<int>& labels, const LatentBatch& latents,
                                 const Categories* reference);

// What clusters are named after and compared with: the dataset's labels, else the first
// metadata column of text with at most kMaxReferenceValues values (none: unset).
struct ClusterReference {
    std::string column;  // "label", or the metadata column's name
    Categories categories;
};
inline constexpr std::size_t kMaxReferenceValues = 100;
std::optional<ClusterReference> clusterReference(const Dataset& dataset, const MetadataTable& metadata,
                                                 std::size_t items);

// A name per cluster: its majority and purity, "Sneaker (94%)", or "Cluster 3" (counting
// from 1) without a reference. Names are unique: a repeat gets its cluster number added.
std::vector<std::string> automaticClusterNames(const ClusterSummary& summary);

}  // namespace latent
