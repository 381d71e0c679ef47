// `project`: latents (.npy or projector .tsv) -> 2-D/3-D map coordinates (.csv, .npy, .tsv).
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/Error.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Projector.h"
#include "latent/core/ProjectorTsv.h"
#include "latent/core/TableExport.h"

namespace latent::app {
namespace {

struct ProjectOptions {
    std::string in;
    std::string out;
    std::string method = "pca";
    std::string metric = "euclidean";
    ProjectionParams params;
};

LatentBatch readLatentsFile(const std::string& path) {
    if (extensionOf(path) == ".tsv") return readVectorsTsv(path);
    return latentsFromArray(readNpyFile(path), "'" + path + "'");
}

void writeCoordinates(const std::string& path, const LatentBatch& coords) {
    const std::string ext = extensionOf(path);
    if (ext == ".npy") {
        writeNpy(path, coords);
    } else if (ext == ".tsv") {
        writeVectorsTsv(path, coords);
    } else {
        writeCoordinatesCsv(path, coords);
    }
}

int runProject(const ProjectOptions& o) {
    ProjectionParams params = parseProjectionSpec(o.method, o.params);
    params.metric = o.metric == "cosine" ? Metric::Cosine : Metric::Euclidean;
    auto latents = std::make_shared<const LatentBatch>(readLatentsFile(o.in));
    const ProgressFn progress = terminalProgress();
    const auto result =
        project(latents, params,
                [&progress](const LatentBatch&, double fraction, const std::string& message) {
                    return progress(fraction, message);
                });
    writeCoordinates(o.out, result.coords);
    statusLine("wrote " + o.out + ": " + describe(result.params) + " of " +
               std::to_string(latents->count) + " latents");
    return kExitOk;
}

}  // namespace

Command addProjectCommand(CLI::App& cli) {
    auto o = std::make_shared<ProjectOptions>();
    auto& p = o->params;
    auto* cmd = cli.add_subcommand("project", "project latents to 2-D or 3-D map coordinates");
    cmd->add_option("--in", o->in, "N x D latents: a .npy file or a TensorBoard vectors .tsv")
        ->required()
        ->check(CLI::ExistingFile);
    cmd->add_option("--out", o->out,
                    "coordinates: .csv (index,x,y[,z]), .npy (N x dims float32) or .tsv")
        ->required()
        ->check(outputFile({".csv", ".npy", ".tsv"}));
    cmd->add_option("--method", o->method, "pca, tsne, umap, lle or axes:I,J[,K]")
        ->capture_default_str()
        ->check([](const std::string& spec) {
            try {
                parseProjectionSpec(spec);
                return std::string();
            } catch (const Error& e) {
                return std::string(e.what());
            }
        });
    cmd->add_option("--dims", p.dims, "map dimensions")
        ->capture_default_str()
        ->check(CLI::IsMember({2, 3}));
    cmd->add_option("--perplexity", p.perplexity, "t-SNE: perplexity (below the point count)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--neighbors,--neighbours", p.neighbours, "UMAP and LLE: neighbours per point")
        ->capture_default_str()
        ->check(CLI::Range(param_limits::kMinNeighbours, param_limits::kMaxNeighbours));
    cmd->add_option("--min-dist", p.minDist, "UMAP: minimum distance in the layout")
        ->capture_default_str()
        ->check(CLI::Range(0.0, param_limits::kMaxMinDist));
    cmd->add_option("--metric", o->metric, "t-SNE, UMAP and LLE: distance between latents")
        ->capture_default_str()
        ->check(CLI::IsMember({"euclidean", "cosine"}));
    cmd->add_option("--iterations", p.iterations, "t-SNE and UMAP: optimisation steps (0: default)")
        ->check(CLI::Range(0, param_limits::kMaxIterations));
    cmd->add_option("--seed", p.seed, "random seed (same seed and threads: same map)")
        ->capture_default_str();
    cmd->add_option("--threads", p.threads, "worker threads")->check(CLI::Range(1, param_limits::kMaxThreads));
    return {cmd, [o] { return runProject(*o); }};
}

}  // namespace latent::app
