// `compare`: where two models of the same images agree on each item's neighbours, as CSV.
#include <iostream>
#include <memory>

#include "Commands.h"
#include "CommandSupport.h"
#include "TerminalProgress.h"
#include "latent/core/Error.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/Model.h"
#include "latent/core/ModelComparison.h"
#include "latent/core/ProgressRange.h"
#include "latent/core/Workspace.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct CompareOptions {
    std::string model = bundledModel().string();
    std::string with;  // the second model
    std::string data = kDefaultDataDir.string();
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

int runCompare(const CompareOptions& o) {
    setInferenceThreads(o.threads);
    const ProgressFn progress = terminalProgress();
    const Workspace a = encodeWith(o, o.model, subRange(progress, 0.0, 0.4));
    const Workspace b = encodeWith(o, o.with, subRange(progress, 0.4, 0.8));
    const ModelAgreement agreement = compareNeighbours(a, b, o.neighbours, o.seed, o.threads, subRange(progress, 0.8, 1.0));
    MetadataTable table;
    table.rowCount = agreement.perItem.size();
    table.columns.push_back(agreementColumn(agreement, "agreement"));
    writeMetadataCsv(o.out, table);

    const ProjectionParams pca;
    const double pcaError = alignedMap(b, pca, {a.latents, pca, a.coords(2)}).alignment.error;
    std::cout << "wrote " << o.out << ": " << agreement.perItem.size() << " items, " << a.latents.dim
              << "-d latents against " << b.latents.dim << "-d; neighbour agreement@" << o.neighbours << " mean "
              << agreement.mean << ", median " << agreement.median << ", " << agreement.low << " items below "
              << kLowAgreement << "; PCA maps after Procrustes alignment: error "
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
