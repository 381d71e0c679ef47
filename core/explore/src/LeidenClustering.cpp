#include "latent/core/Clustering.h"

#include <igraph.h>

#include <algorithm>
#include <map>
#include <mutex>
#include <numeric>
#include <string>

#include "latent/core/Error.h"

namespace latent {
namespace {

// igraph's random generator and error handler are process-wide: one run at a time.
std::mutex igraphMutex;

void check(igraph_error_t result, const char* what) {
    if (result != IGRAPH_SUCCESS) {
        throw Error(ErrorKind::InvalidArgument, std::string("clustering: igraph failed to ") + what + ": " +
                                                    igraph_strerror(result));
    }
}

// Owns igraph objects for the length of one run, whatever throws.
struct IgraphRun {
    igraph_t graph{};
    igraph_vector_t weights{}, strengths{};
    igraph_vector_int_t membership{};
    bool graphMade = false;

    IgraphRun() {
        igraph_vector_init(&weights, 0);
        igraph_vector_init(&strengths, 0);
        igraph_vector_int_init(&membership, 0);
    }
    ~IgraphRun() {
        if (graphMade) igraph_destroy(&graph);
        igraph_vector_destroy(&weights);
        igraph_vector_destroy(&strengths);
        igraph_vector_int_destroy(&membership);
    }
    IgraphRun(const IgraphRun&) = delete;
    IgraphRun& operator=(const IgraphRun&) = delete;
};

}  // namespace

Clustering numberedBySize(const std::vector<int>& labels) {
    std::map<int, std::size_t> size, firstItem;
    for (std::size_t i = 0; i < labels.size(); ++i) {
        if (labels[i] < 0) continue;
        if (size[labels[i]]++ == 0) firstItem[labels[i]] = i;
    }
    std::vector<int> order;
    for (const auto& [label, count] : size) order.push_back(label);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        return size[a] != size[b] ? size[a] > size[b] : firstItem[a] < firstItem[b];
    });
    std::map<int, int> renamed;
    Clustering out;
    for (int label : order) {
        renamed[label] = static_cast<int>(out.sizes.size());
        out.sizes.push_back(size[label]);
    }
    out.labels.reserve(labels.size());
    for (int label : labels) out.labels.push_back(label < 0 ? -1 : renamed[label]);
    return out;
}

Clustering leidenClusters(const FuzzyGraph& graph, const LeidenOptions& options) {
    if (graph.count == 0) throw Error(ErrorKind::InvalidArgument, "clustering needs one or more items");
    std::vector<igraph_integer_t> ends;
    std::vector<igraph_real_t> weights;
    for (std::size_t i = 0; i < graph.count; ++i) {
        for (std::size_t e = graph.rowStart[i]; e < graph.rowStart[i + 1]; ++e) {
            if (graph.columns[e] <= i || graph.weights[e] <= 0.0f) continue;  // each edge once
            ends.push_back(static_cast<igraph_integer_t>(i));
            ends.push_back(static_cast<igraph_integer_t>(graph.columns[e]));
            weights.push_back(graph.weights[e]);
        }
    }
    const std::lock_guard lock(igraphMutex);
    igraph_set_error_handler(igraph_error_handler_ignore);
    igraph_set_warning_handler(igraph_warning_handler_ignore);
    IgraphRun run;
    igraph_vector_int_t edges;
    igraph_vector_int_view(&edges, ends.data(), static_cast<igraph_integer_t>(ends.size()));
    check(igraph_create(&run.graph, &edges, static_cast<igraph_integer_t>(graph.count), IGRAPH_UNDIRECTED),
          "build the graph");
    run.graphMade = true;
    check(igraph_vector_resize(&run.weights, static_cast<igraph_integer_t>(weights.size())), "store the weights");
    std::copy(weights.begin(), weights.end(), VECTOR(run.weights));
    // Modularity as the Leiden objective: node weights are the strengths k_i and the
    // resolution gamma / 2m, so the quality is sum (A_ij - gamma k_i k_j / 2m) over pairs
    // within a cluster (igraph's documentation of igraph_community_leiden).
    check(igraph_strength(&run.graph, &run.strengths, igraph_vss_all(), IGRAPH_ALL, IGRAPH_LOOPS, &run.weights),
          "weigh the items");
    const double twoM = std::accumulate(VECTOR(run.strengths), VECTOR(run.strengths) + igraph_vector_size(&run.strengths), 0.0);
    igraph_rng_seed(igraph_rng_default(), static_cast<igraph_uint_t>(options.seed));
    igraph_integer_t clusters = 0;
    igraph_real_t quality = 0.0;  // igraph's own scale; the result reports modularity instead
    check(igraph_community_leiden(&run.graph, &run.weights, &run.strengths,
                                  twoM > 0.0 ? options.resolution / twoM : options.resolution, options.beta, false,
                                  -1 /* until no item moves */, &run.membership, &clusters, &quality),
          "find clusters");
    std::vector<int> labels(graph.count);
    for (std::size_t i = 0; i < graph.count; ++i) labels[i] = static_cast<int>(VECTOR(run.membership)[i]);
    Clustering result = numberedBySize(labels);
    result.quality = modularity(graph, result.labels, options.resolution);
    return result;
}

double modularity(const FuzzyGraph& graph, const std::vector<int>& labels, double resolution) {
    if (labels.size() != graph.count) throw Error(ErrorKind::InvalidArgument, "modularity: one label per item");
    const int clusters = labels.empty() ? 0 : *std::max_element(labels.begin(), labels.end()) + 1;
    std::vector<double> inside(static_cast<std::size_t>(std::max(clusters, 0)), 0.0), degree(inside.size(), 0.0);
    double twoM = 0.0;
    for (std::size_t i = 0; i < graph.count; ++i) {
        for (std::size_t e = graph.rowStart[i]; e < graph.rowStart[i + 1]; ++e) {
            const double w = graph.weights[e];
            twoM += w;
            if (labels[i] < 0) continue;
            degree[static_cast<std::size_t>(labels[i])] += w;
            if (labels[graph.columns[e]] == labels[i]) inside[static_cast<std::size_t>(labels[i])] += w;
        }
    }
    if (twoM <= 0.0) return 0.0;
    double q = 0.0;
    for (std::size_t c = 0; c < inside.size(); ++c) q += inside[c] / twoM - resolution * (degree[c] / twoM) * (degree[c] / twoM);
    return q;
}

}  // namespace latent
