// `compare`: where two models of the same images agree on each item's neighbours, as CSV.
#include <algorithm>
#include <iostream>
#include <memory>
#include <numeric>

#include "Commands.h"
#include "CommandSupport.h"
#include "TerminalProgress.h"
#include "latent/core/Error.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/MapAlignment.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/Model.h"
#include "latent/core/NeighbourOverlap.h"
#include "latent/core/ProgressRange.h"
#include "latent/core/Workspace.h"

namespace latent::app {
namespace {

struct CompareOptions {
    std::string model = LATENT_DEFAULT_MODEL;
    std::string with;  // the second model
    std::string data = LATENT_DEFAULT_DATA_DIR;
    std::string split = "test";
    std::size_t limit = 0;
    int neighbours = 15;  // counting the item, as UMAP's
    std::uint64_t seed = 42;
    std::string out;
    int threads = 1;
};

Workspace encodeWith(const CompareOptions& o, const std::string& model, const ProgressFn& progress) {
    WorkspaceRequest request;
    request.identity.modelPath = model;
    request.identity.dataPath = o.data;
    request.identity.split = o.split;
    request.identity.limit = o.limit;
    request.threads = o.threads;
    request.requireModel = true;
    return buildWorkspace(request, progress);
}

KnnGraph neighboursOf(const LatentBatch& latents, const CompareOptions& o, const ProgressFn& progress) {
    KnnOptions knn;
    knn.threads = o.threads;
    knn.seed = o.seed;
    knn.nnDescent = true;  // the same graph for a seed, whatever the threads
    return buildKnnGraph(latents, static_cast<std::size_t>(o.neighbours - 1), knn, progress);
}

int runCompare(const CompareOptions& o) {
    setInferenceThreads(o.threads);
    const ProgressFn progress = terminalProgress();
    const Workspace a = encodeWith(o, o.model, subRange(progress, 0.0, 0.4));
    const Workspace b = encodeWith(o, o.with, subRange(progress, 0.4, 0.8));
    const std::size_t n = a.latents.count;
    if (n <= static_cast<std::size_t>(o.neighbours)) {
        throw Error(ErrorKind::InvalidArgument, "comparing needs more items than --neighbours (" +
                                                    std::to_string(o.neighbours) + ")");
    }
    const std::vector<double> agreement = neighbourOverlap(neighboursOf(a.latents, o, subRange(progress, 0.8, 0.9)),
                                                           neighboursOf(b.latents, o, subRange(progress, 0.9, 1.0)));
    MetadataTable table;
    table.rowCount = n;
    MetadataColumn column;
    column.name = "agreement";
    column.numeric = true;
    for (const double x : agreement) {
        column.cells.push_back(std::to_string(x));
        column.numbers.push_back(x);
    }
    table.columns.push_back(std::move(column));
    writeMetadataCsv(o.out, table);

    std::vector<double> sorted = agreement;
    std::sort(sorted.begin(), sorted.end());
    const double mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(n);
    const auto low = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), 0.2) - sorted.begin());
    // Each workspace fitted its 2-D PCA while it was built: its map, not a second fit.
    const double pcaError = alignMap(a.pca(2).transform(a.latents, o.threads), b.pca(2).transform(b.latents, o.threads)).error;
    std::cout << "wrote " << o.out << ": " << n << " items, " << a.latents.dim << "-d latents against "
              << b.latents.dim << "-d; neighbour agreement@" << o.neighbours << " mean " << mean << ", median "
              << sorted[n / 2] << ", " << low << " items below 0.2; PCA maps after Procrustes alignment: error "
              << pcaError << std::endl;  // the result itself: printed wherever stdout goes
    return kExitOk;
}

}  // namespace

Command addCompareCommand(CLI::App& cli) {
    auto o = std::make_shared<CompareOptions>();
    auto* cmd = cli.add_subcommand(
        "compare", "compare two models on the same images: per item, the share of its nearest neighbours both "
                   "latent spaces agree on (CSV)");
    cmd->add_option("--model", o->model, "the first model (TorchScript file or JSON manifest)")->check(CLI::ExistingFile);
    cmd->add_option("--with", o->with, "the second model, of the same input size")->required()->check(CLI::ExistingFile);
    cmd->add_option("--data", o->data, "images both models encode (IDX folder or file, .npy/.npz, image folder)")
        ->check(CLI::ExistingPath);
    cmd->add_option("--split", o->split, "split of an IDX folder")->check(CLI::IsMember({"test", "train"}));
    cmd->add_option("--limit", o->limit, "use only the first N items (0: all)");
    cmd->add_option("--neighbours", o->neighbours, "neighbours compared, counting the item (as UMAP's)")
        ->check(CLI::Range(2, 200));
    cmd->add_option("--seed", o->seed, "seed of the neighbour search (the same seed gives the same file)");
    cmd->add_option("--out", o->out, "output .csv: index,agreement")->required()->check(outputFile({".csv"}));
    cmd->add_option("--threads", o->threads, "inference and neighbour-search threads")->check(CLI::Range(1, 64));
    return {cmd, [o] { return runCompare(*o); }};
}

}  // namespace latent::app
