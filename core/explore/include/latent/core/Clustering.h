#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <vector>

#include "latent/core/FuzzyGraph.h"
#include "latent/core/KnnGraph.h"

namespace latent {

struct LeidenOptions {
    double resolution = 1.0;  // modularity's gamma: above 1, more and smaller clusters
    std::uint64_t seed = 1;
    double beta = 0.01;  // randomness of the refinement step (leidenalg's default)
};

// A cluster id per item: 0 is the largest cluster, then by size (ties: the cluster holding
// the lowest item first), so ids do not depend on how the algorithm numbered them.
struct Clustering {
    std::vector<int> labels;
    std::vector<std::size_t> sizes;  // per cluster
    double quality = 0.0;            // the objective reached (modularity, with the resolution)
    std::size_t clusters() const { return sizes.size(); }
};

// Leiden (Traag, Waltman & van Eck 2019) through igraph on a weighted graph, optimising
// modularity with a resolution (leidenalg's RBConfigurationVertexPartition), iterated until
// no item moves. The same graph, options and seed give the same clusters. Throws
// Error(InvalidArgument) for a graph without items.
Clustering leidenClusters(const FuzzyGraph& graph, const LeidenOptions& options = {});

struct DensityOptions {
    std::size_t minClusterSize = 15;  // smaller groups are noise or part of a larger cluster
    std::size_t minSamples = 0;       // core distance: to the minSamples-th item counting itself; 0: minClusterSize
};

// HDBSCAN (Campello, Moulavi & Sander 2013) on a kNN graph (`knn`, at least minSamples - 1
// neighbours per item): the minimum spanning tree of mutual reachability distances over
// the graph's edges, its condensed tree, and the clusters of most excess of mass. Items in
// no cluster are noise (label -1). Throws Error(InvalidArgument) for a graph without items
// or too few neighbours.
Clustering densityClusters(const KnnGraph& knn, const DensityOptions& options = {});

// Newman's modularity with a resolution: the share of edge weight inside clusters minus
// gamma times what a random graph of the same degrees would put there. Items labelled -1
// belong to no cluster.
double modularity(const FuzzyGraph& graph, const std::vector<int>& labels, double resolution = 1.0);

// Cluster ids renumbered by size as Clustering promises; -1 (no cluster) stays -1.
Clustering numberedBySize(const std::vector<int>& labels);

// The clusters as CSV, "index,cluster" and one row per item (-1: no cluster). Atomic.
// Throws Error(Io).
void writeClusters(const std::filesystem::path& path, const Clustering& clustering);

}  // namespace latent
