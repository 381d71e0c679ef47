// `cluster`: Leiden clusters of the latents on their UMAP neighbour graph, as CSV.
#include <algorithm>
#include <iostream>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/Annotations.h"
#include "latent/core/ClusterProfiles.h"
#include "latent/core/Clustering.h"
#include "latent/core/DecodeLatents.h"
#include "latent/core/ImageIo.h"
#include "latent/core/InformationMeasures.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/Model.h"
#include "latent/core/Traversal.h"
#include "latent/core/Workspace.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct ClusterOptions {
    std::string in;  // a latents file, clustered without a model
    std::string model = bundledModel().string();
    std::string data = kDefaultDataDir.string();
    std::string split = "test";
    std::size_t limit = 0;
    std::string method = "leiden";
    double resolution = 1.0;
    std::size_t minClusterSize = 15;  // density
    int neighbours = 15;
    std::uint64_t seed = 1;
    std::string out;
    std::string prototypes;  // a PNG grid of the clusters' decoded mean latents
    int threads = 1;
};

// The clusters' prototypes (their members' mean latents, decoded) as one grid, largest first.
void writePrototypes(const std::string& path, const Workspace& ws, const Clustering& clusters) {
    const auto reference = clusterReference(ws.dataset, ws.metadata, ws.latents.count);
    const ClusterSummary summary =
        summariseClusters(clusters.labels, ws.latents, reference ? &reference->categories : nullptr);
    LatentBatch means(summary.clusters.size(), ws.latents.dim);
    for (std::size_t c = 0; c < summary.clusters.size(); ++c) {
        std::copy(summary.clusters[c].mean.begin(), summary.clusters[c].mean.end(), means.row(c).begin());
    }
    const int columns = static_cast<int>(std::min<std::size_t>(means.count, 10));
    writePng(path, decodeToGrid(decoderOf(*ws.model), means, columns, 2));
    const auto names = automaticClusterNames(summary);
    std::string line = "wrote " + path + ": the prototypes of";
    for (std::size_t c = 0; c < names.size(); ++c) line += (c ? ", " : " ") + names[c];
    std::cout << line << std::endl;
}

int runCluster(const ClusterOptions& o) {
    setInferenceThreads(o.threads);
    WorkspaceRequest request;
    request.identity.modelPath = o.in.empty() ? std::filesystem::path(o.model) : std::filesystem::path();
    request.identity.dataPath = o.in.empty() ? o.data : o.in;
    request.identity.split = o.split;
    request.identity.limit = o.limit;
    request.threads = o.threads;
    request.requireModel = o.in.empty();
    if (!o.in.empty() && !o.prototypes.empty()) {
        throw Error(ErrorKind::InvalidArgument, "--prototypes decodes the clusters' mean latents: it needs --data and a model, not --in");
    }
    const ProgressFn progress = terminalProgress();
    const Workspace ws = buildWorkspace(request, progress);
    if (ws.latents.count <= static_cast<std::size_t>(o.neighbours)) {
        throw Error(ErrorKind::InvalidArgument, "clustering needs more items than --neighbours (" +
                                                    std::to_string(o.neighbours) + ")");
    }
    KnnOptions knn;
    knn.threads = o.threads;
    knn.seed = o.seed;
    knn.nnDescent = true;  // as the projections build it: the same graph for a seed, whatever the threads
    const bool density = o.method == "density";
    const std::size_t k = density ? std::max<std::size_t>(o.neighbours - 1, o.minClusterSize - 1) : o.neighbours - 1;
    if (ws.latents.count <= k) {
        throw Error(ErrorKind::InvalidArgument, "clustering needs more items than " + std::to_string(k + 1));
    }
    const KnnGraph graph = buildKnnGraph(ws.latents, k, knn, progress);
    Clustering clusters;
    if (density) {
        clusters = densityClusters(graph, {o.minClusterSize, 0});
    } else {
        LeidenOptions leiden;
        leiden.resolution = o.resolution;
        leiden.seed = o.seed;
        clusters = leidenClusters(fuzzyNeighbourGraph(graph, o.neighbours, o.threads), leiden);
    }
    writeClusters(o.out, clusters);
    std::string line = "wrote " + o.out + ": " + std::to_string(clusters.clusters()) + " clusters of " +
                       std::to_string(ws.latents.count) + " items";
    const std::size_t noise = static_cast<std::size_t>(std::count(clusters.labels.begin(), clusters.labels.end(), -1));
    line += density ? ", " + std::to_string(noise) + " of them noise" : ", modularity " + std::to_string(clusters.quality);
    if (ws.dataset.labels.size() == ws.latents.count) {
        // Over the items both label: noise is in no cluster.
        const auto reference = clusterReference(ws.dataset, ws.metadata, ws.latents.count);
        const ClusterSummary summary = summariseClusters(clusters.labels, ws.latents, &reference->categories);
        if (summary.adjustedRand) {
            line += "; against the labels: ARI " + std::to_string(*summary.adjustedRand) + ", NMI " +
                    std::to_string(*summary.mutualInformation);
        }
    }
    std::cout << line << std::endl;  // the result itself, not progress: printed wherever stdout goes
    if (!o.prototypes.empty()) writePrototypes(o.prototypes, ws, clusters);
    return kExitOk;
}

}  // namespace

Command addClusterCommand(CLI::App& cli) {
    auto o = std::make_shared<ClusterOptions>();
    auto* cmd = cli.add_subcommand(
        "cluster", "find clusters of the latents: Leiden communities of their neighbour graph (a cluster id per item, CSV)");
    auto* in = cmd->add_option("--in", o->in, "precomputed latents (.npy N x D, projector .tsv), clustered without a model")
                   ->check(CLI::ExistingFile);
    cmd->add_option("--model", o->model, "TorchScript model file, or a JSON manifest")->check(CLI::ExistingFile)->excludes(in);
    cmd->add_option("--data", o->data, "images to encode (IDX folder or file, .npy/.npz, image folder)")
        ->check(CLI::ExistingPath)
        ->excludes(in);
    cmd->add_option("--split", o->split, "split of an IDX folder")->check(CLI::IsMember({"test", "train"}));
    cmd->add_option("--limit", o->limit, "use only the first N items (0: all)");
    cmd->add_option("--method", o->method, "clustering method")->check(CLI::IsMember({"leiden", "density"}));
    cmd->add_option("--min-cluster-size", o->minClusterSize, "density: smaller groups are noise (cluster -1)")
        ->check(CLI::Range(std::size_t{2}, kMaxMinClusterSize));
    cmd->add_option("--resolution", o->resolution, "Leiden's resolution: above 1, more and smaller clusters")
        ->check(CLI::Range(0.001, 100.0));
    cmd->add_option("--neighbours", o->neighbours, "neighbours of the graph, counting the item (as UMAP's)")
        ->check(CLI::Range(2, 200));
    cmd->add_option("--seed", o->seed, "seed of the graph and of Leiden (the same seed gives the same clusters)");
    cmd->add_option("--out", o->out, "output .csv: index,cluster")->required()->check(outputFile({".csv"}));
    cmd->add_option("--prototypes", o->prototypes, "also write each cluster's decoded mean latent, largest first, as a PNG grid")
        ->check(outputFile({".png"}));
    cmd->add_option("--threads", o->threads, "inference and graph threads")->check(CLI::Range(1, 64));
    return {cmd, [o] { return runCluster(*o); }};
}

}  // namespace latent::app
