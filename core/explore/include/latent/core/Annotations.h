#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "latent/core/Clustering.h"
#include "latent/core/MetadataTable.h"

namespace latent {

// The clustering methods: communities of the neighbour graph, or dense regions (HDBSCAN).
inline constexpr const char* kLeiden = "leiden";
inline constexpr const char* kDensity = "density";

// How a user asks for clusters (the Clusters dock's settings, kept in sessions).
struct ClusterSettings {
    std::string method = kLeiden;
    double resolution = 1.0;          // Leiden's
    std::uint64_t seed = 1;           // Leiden's
    std::size_t minClusterSize = 15;  // density's: smaller groups are noise
    bool operator==(const ClusterSettings&) const = default;
};
// Density clusters need minClusterSize - 1 neighbours per item in the graph: this bounds its size.
inline constexpr std::size_t kMaxMinClusterSize = 200;
// Clusters a user found on a workspace's items and the names they carry.
struct ItemClusters {
    ClusterSettings settings;
    int neighbours = 15;           // of the graph, counting the item (as UMAP's)
    std::uint64_t graphSeed = 42;  // of the graph's neighbour search (as a UMAP map's seed)
    std::vector<int> labels;         // per item: 0 is the largest cluster; -1 none (noise)
    std::vector<std::string> names;  // per cluster, unique and not empty
    bool operator==(const ItemClusters&) const = default;
};

// Tags a user put on items ("mislabelled", "blurry"): per tag, its items (sorted, unique).
using ItemTags = std::map<std::string, std::vector<std::size_t>>;

// What a user adds to the items of a workspace: it is saved in sessions, offered in Colour
// by and search, and exported with the metadata.
struct Annotations {
    std::optional<ItemClusters> clusters;
    ItemTags tags;
    bool operator==(const Annotations&) const = default;
};

// The names of the columns clusters and tags are shown in.
inline constexpr const char* kClusterColumn = "cluster";
inline constexpr const char* kTagColumn = "tags";
// Between an item's tags in the "tags" column and in tag files; tag names cannot hold it.
inline constexpr char kTagSeparator = ';';

// The annotations as metadata columns of `rows` rows: "cluster" holds each item's cluster
// name ("" for none), its categories ordered by cluster; "tags" each item's tags in name
// order, joined by "; " ("" for none).
// The columns are named so as not to clash with `beside` (the workspace's own metadata):
// see annotationColumnName.
MetadataTable annotationColumns(const Annotations& annotations, std::size_t rows, const MetadataTable& beside = {});

// The name an annotation column (`name`: kClusterColumn, kTagColumn) takes beside the
// columns of `beside`: its own, or "cluster (annotated)" when the metadata has a "cluster"
// column of its own (two columns of one name cannot be told apart in Colour by, nor read
// back from an exported CSV).
std::string annotationColumnName(const std::string& name, const MetadataTable& beside);

// What a workspace's items export as metadata (projector metadata.tsv, metadata CSV): the
// workspace's own columns (labels, joined metadata, scores) when they have `rows` rows,
// then the annotation columns; the item indices when there is nothing else.
MetadataTable exportedMetadata(const MetadataTable& metadata, const Annotations& annotations, std::size_t rows);

// Error(InvalidArgument) naming what is wrong unless the annotations fit `items` items:
// one cluster label per item, each below the number of names, and names unique and set;
// tags with clean names (cleanTagName) on sorted, unique items that exist.
void checkAnnotations(const Annotations& annotations, std::size_t items);

// `clusters` renamed: cluster `cluster` is called `name` (trimmed). Error(InvalidArgument)
// for an empty name, or one another cluster has.
void renameCluster(ItemClusters& clusters, std::size_t cluster, const std::string& name);

// `name` trimmed; Error(InvalidArgument) when that is empty or holds the separator or a
// line break.
std::string cleanTagName(const std::string& name);
// Puts tag `name` on `items` (already tagged ones stay as they are) / takes it off them (a
// tag left on no item is gone). Error(InvalidArgument) for a bad name.
void addTag(Annotations& annotations, const std::string& name, const std::vector<std::size_t>& items);
void removeTag(Annotations& annotations, const std::string& name, const std::vector<std::size_t>& items);

// Tag files: CSV, a header "index,tags", then one row per tagged item with its tags joined
// by ';'. Atomic. Throws Error(Io).
void writeTags(const std::filesystem::path& path, const ItemTags& tags);
// Reads a tag file for data of `items` items. Refuses (Error(BadFormat)) a file whose
// header is not "index,tags", and any row naming an item the data lacks or a bad tag, with
// the first bad line's number; nothing of such a file is taken. Throws Error(Io) too.
ItemTags readTags(const std::filesystem::path& path, std::size_t items);

}  // namespace latent
