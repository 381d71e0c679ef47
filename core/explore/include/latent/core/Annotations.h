#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "latent/core/Clustering.h"
#include "latent/core/MetadataTable.h"

namespace latent {

// Clusters a user found on a workspace's items and the names they carry.
struct ItemClusters {
    std::string method = "leiden";
    double resolution = 1.0;
    int neighbours = 15;          // of the graph, counting the item (as UMAP's)
    std::uint64_t graphSeed = 42;  // of the graph's neighbour search (as a UMAP map's seed)
    std::uint64_t seed = 1;        // of Leiden
    std::vector<int> labels;         // per item: 0 is the largest cluster; -1 none (noise)
    std::vector<std::string> names;  // per cluster, unique and not empty
    bool operator==(const ItemClusters&) const = default;
};

// What a user adds to the items of a workspace: it is saved in sessions, offered in Colour
// by and search, and exported with the metadata.
struct Annotations {
    std::optional<ItemClusters> clusters;
    bool operator==(const Annotations&) const = default;
};

// The name of the column clusters are shown in.
inline constexpr const char* kClusterColumn = "cluster";

// The annotations as metadata columns of `rows` rows: "cluster" holds each item's cluster
// name ("" for none), its categories ordered by cluster.
MetadataTable annotationColumns(const Annotations& annotations, std::size_t rows);

// What a workspace's items export as metadata (projector metadata.tsv, metadata CSV): the
// workspace's own columns (labels, joined metadata, scores) when they have `rows` rows,
// then the annotation columns; the item indices when there is nothing else.
MetadataTable exportedMetadata(const MetadataTable& metadata, const Annotations& annotations, std::size_t rows);

// Error(InvalidArgument) naming what is wrong unless the annotations fit `items` items:
// one cluster label per item, each below the number of names, and names unique and set.
void checkAnnotations(const Annotations& annotations, std::size_t items);

// `clusters` renamed: cluster `cluster` is called `name` (trimmed). Error(InvalidArgument)
// for an empty name, or one another cluster has.
void renameCluster(ItemClusters& clusters, std::size_t cluster, const std::string& name);

}  // namespace latent
