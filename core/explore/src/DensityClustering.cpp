// HDBSCAN (Campello, Moulavi & Sander 2013), written from the paper and the hdbscan
// library's documentation, on a kNN graph instead of all pairs: the minimum spanning tree
// of mutual reachability distances is taken over the graph's edges (a forest when the
// graph is not connected: its parts split at infinite distance).
#include <algorithm>
#include <limits>
#include <numeric>
#include <vector>

#include "latent/core/Clustering.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

struct Edge {
    double weight;
    std::uint32_t a, b;
};

// The single-linkage dendrogram: node i < n is item i; node n + m is the m-th merge.
struct Dendrogram {
    std::size_t items = 0;
    std::vector<std::size_t> left, right, size;
    std::vector<double> distance;
    std::size_t root() const { return items + left.size() - 1; }
    bool isItem(std::size_t node) const { return node < items; }
    std::size_t sizeOf(std::size_t node) const { return isItem(node) ? 1 : size[node - items]; }
};

std::size_t findRoot(std::vector<std::size_t>& parent, std::size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
}

Dendrogram singleLinkage(const KnnGraph& knn, const std::vector<double>& core) {
    std::vector<Edge> edges;
    edges.reserve(knn.count * knn.k);
    for (std::size_t i = 0; i < knn.count; ++i) {
        for (std::size_t m = 0; m < knn.k; ++m) {
            const std::uint32_t j = knn.neighbours(i)[m];
            const double d = knn.neighbourDistances(i)[m];
            edges.push_back({std::max({d, core[i], core[j]}), static_cast<std::uint32_t>(i), j});
        }
    }
    std::sort(edges.begin(), edges.end(), [](const Edge& x, const Edge& y) {
        return x.weight != y.weight ? x.weight < y.weight : (x.a != y.a ? x.a < y.a : x.b < y.b);
    });
    Dendrogram tree;
    tree.items = knn.count;
    std::vector<std::size_t> parent(2 * knn.count), node(knn.count);  // union-find over sets; a set's dendrogram node
    std::iota(parent.begin(), parent.end(), 0);
    std::iota(node.begin(), node.end(), 0);
    auto merge = [&](std::size_t ra, std::size_t rb, double weight) {
        const std::size_t id = knn.count + tree.left.size();
        tree.left.push_back(node[ra]);
        tree.right.push_back(node[rb]);
        tree.distance.push_back(weight);
        tree.size.push_back(tree.sizeOf(node[ra]) + tree.sizeOf(node[rb]));
        parent[rb] = ra;
        node[ra] = id;
    };
    for (const Edge& e : edges) {
        const std::size_t ra = findRoot(parent, e.a), rb = findRoot(parent, e.b);
        if (ra != rb) merge(ra, rb, e.weight);
    }
    // Parts the graph does not connect join at infinite distance.
    for (std::size_t i = 1; i < knn.count; ++i) {
        const std::size_t r0 = findRoot(parent, 0), ri = findRoot(parent, i);
        if (r0 != ri) merge(r0, ri, kInfinity);
    }
    return tree;
}

// The condensed tree and excess-of-mass selection; labels per item (-1: noise).
std::vector<int> condenseAndSelect(const Dendrogram& tree, std::size_t minClusterSize) {
    struct Cluster {
        double birth = 0.0;  // lambda = 1 / distance at which it appeared
        double stability = 0.0;
        std::vector<std::size_t> children;
        std::vector<std::size_t> items;  // the items that leave it (not through a child cluster)
    };
    std::vector<Cluster> clusters(1);  // 0: the root, all items
    // Duplicates (distance 0) would give an infinite lambda: they count as very close.
    const auto lambdaOf = [](double d) { return d == kInfinity ? 0.0 : 1.0 / std::max(d, 1e-12); };
    std::vector<std::size_t> leaves;
    auto fallOut = [&](std::size_t node, std::size_t cluster, double lambda) {
        leaves.assign(1, node);
        while (!leaves.empty()) {
            const std::size_t n = leaves.back();
            leaves.pop_back();
            if (tree.isItem(n)) {
                clusters[cluster].items.push_back(n);
                clusters[cluster].stability += lambda - clusters[cluster].birth;
            } else {
                leaves.push_back(tree.left[n - tree.items]);
                leaves.push_back(tree.right[n - tree.items]);
            }
        }
    };
    std::vector<std::pair<std::size_t, std::size_t>> stack = {{tree.root(), 0}};  // node, its cluster
    while (!stack.empty()) {
        const auto [node, cluster] = stack.back();
        stack.pop_back();
        if (tree.isItem(node)) {  // only when there is one item
            fallOut(node, cluster, clusters[cluster].birth);
            continue;
        }
        const std::size_t m = node - tree.items;
        const double lambda = lambdaOf(tree.distance[m]);
        const std::size_t l = tree.left[m], r = tree.right[m];
        const bool bigL = tree.sizeOf(l) >= minClusterSize, bigR = tree.sizeOf(r) >= minClusterSize;
        if (bigL && bigR) {
            for (const std::size_t child : {l, r}) {
                clusters[cluster].stability += (lambda - clusters[cluster].birth) * static_cast<double>(tree.sizeOf(child));
                clusters[cluster].children.push_back(clusters.size());
                stack.push_back({child, clusters.size()});
                clusters.push_back({lambda, 0.0, {}, {}});
            }
        } else {
            for (const std::size_t child : {l, r}) {
                if (tree.sizeOf(child) >= minClusterSize) {
                    stack.push_back({child, cluster});  // the cluster goes on, smaller
                } else {
                    fallOut(child, cluster, lambda);
                }
            }
        }
    }
    // Excess of mass, children before parents (they were created after them).
    std::vector<char> selected(clusters.size(), 0);
    std::vector<double> best(clusters.size(), 0.0);
    for (std::size_t c = clusters.size(); c-- > 1;) {
        double fromChildren = 0.0;
        for (const std::size_t child : clusters[c].children) fromChildren += best[child];
        if (clusters[c].children.empty() || clusters[c].stability >= fromChildren) {
            selected[c] = 1;
            best[c] = clusters[c].stability;
        } else {
            best[c] = fromChildren;
        }
    }
    // Items take the outermost selected cluster they are in; the rest are noise.
    std::vector<int> labels(tree.items, -1);
    std::vector<std::pair<std::size_t, int>> walk = {{0, -1}};
    int next = 0;
    while (!walk.empty()) {
        const auto [c, inherited] = walk.back();
        walk.pop_back();
        const int label = inherited >= 0 ? inherited : (c > 0 && selected[c] ? next++ : -1);
        for (const std::size_t item : clusters[c].items) labels[item] = label;
        for (const std::size_t child : clusters[c].children) walk.push_back({child, label});
    }
    return labels;
}

}  // namespace

Clustering densityClusters(const KnnGraph& knn, const DensityOptions& options) {
    if (knn.count == 0) throw Error(ErrorKind::InvalidArgument, "density clustering needs items");
    const std::size_t minSamples = options.minSamples > 0 ? options.minSamples : options.minClusterSize;
    if (options.minClusterSize < 2) throw Error(ErrorKind::InvalidArgument, "a cluster needs at least 2 items");
    if (minSamples < 2 || minSamples - 1 > knn.k) {
        throw Error(ErrorKind::InvalidArgument, "the neighbour graph has " + std::to_string(knn.k) +
                                                    " neighbours per item; min samples needs " +
                                                    std::to_string(minSamples - 1));
    }
    std::vector<double> core(knn.count);
    for (std::size_t i = 0; i < knn.count; ++i) core[i] = knn.neighbourDistances(i)[minSamples - 2];
    const Dendrogram tree = singleLinkage(knn, core);
    return numberedBySize(condenseAndSelect(tree, options.minClusterSize));
}

}  // namespace latent
