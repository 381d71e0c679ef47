// `project`: latents (.npy or projector .tsv) -> 2-D/3-D map coordinates (.csv, .npy, .tsv);
// UMAP maps can be fitted on a sample, saved, and used to place more latents (shards).
#include <algorithm>
#include <memory>
#include <string>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/Error.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/ProjectionParamsJson.h"
#include "latent/core/Projector.h"
#include "latent/core/ProjectorTsv.h"
#include "latent/core/Sampling.h"
#include "latent/core/TableExport.h"
#include "latent/core/Tsne.h"
#include "latent/core/UmapModelFile.h"

namespace latent::app {
namespace {

struct ProjectOptions {
    std::string in;
    std::string out;
    std::string method = "pca";
    std::string metric = "euclidean";
    std::string repulsion = "auto";
    ProjectionParams params;
    std::size_t fitSample = 0;  // UMAP: fit on this many sampled rows (0: all)
    std::string saveModel;
    std::string transformModel;
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

// UMAP on a sampled subset: the sample keeps its fitted map and every other row is placed
// on it by the model's transform, as shards would be.
ProjectionResult fitOnSample(const std::shared_ptr<const LatentBatch>& latents, const ProjectionParams& params,
                             std::size_t sampleSize, const ProgressFn& progress) {
    if (params.method != ProjectionMethod::Umap) {
        throw Error(ErrorKind::InvalidArgument, "--fit-sample and --save-model need --method umap");
    }
    std::vector<std::size_t> sample = sampleItems(latents->count, sampleSize, params.seed);
    std::sort(sample.begin(), sample.end());
    auto fitted = std::make_shared<const LatentBatch>(rowsOf(*latents, sample));
    ProjectionResult result =
        project(fitted, params, [&progress](const LatentBatch&, double fraction, const std::string& message) {
            return progress(fraction, message);
        });
    if (sample.size() == latents->count) return result;
    std::vector<std::size_t> others;
    for (std::size_t i = 0, s = 0; i < latents->count; ++i) {
        if (s < sample.size() && sample[s] == i) {
            ++s;
        } else {
            others.push_back(i);
        }
    }
    statusLine("placing the other " + std::to_string(others.size()) + " latents on the map");
    const LatentBatch placed = result.umap->transform(rowsOf(*latents, others));
    LatentBatch coords(latents->count, result.coords.dim);
    const auto scatter = [&coords](const LatentBatch& from, const std::vector<std::size_t>& rows) {
        for (std::size_t r = 0; r < rows.size(); ++r) {
            const auto row = from.row(r);
            std::copy(row.begin(), row.end(), coords.values.begin() + static_cast<std::ptrdiff_t>(rows[r] * row.size()));
        }
    };
    scatter(result.coords, sample);
    scatter(placed, others);
    result.coords = std::move(coords);
    return result;
}

int runTransform(const ProjectOptions& o) {
    const UmapModel model = loadUmapModel(o.transformModel);
    const LatentBatch latents = readLatentsFile(o.in);
    writeCoordinates(o.out, model.transform(latents, o.params.threads));
    statusLine("wrote " + o.out + ": " + std::to_string(latents.count) + " latents placed on the map of " +
               o.transformModel);
    return kExitOk;
}

int runProject(const ProjectOptions& o) {
    if (!o.transformModel.empty()) return runTransform(o);
    ProjectionParams params = parseProjectionSpec(o.method, o.params);
    params.metric = metricNamed(o.metric);
    params.tsneRepulsion = tsneRepulsionNamed(o.repulsion);
    auto latents = std::make_shared<const LatentBatch>(readLatentsFile(o.in));
    const ProgressFn progress = terminalProgress();
    const bool sampled = o.fitSample > 0 || !o.saveModel.empty();
    const auto result =
        sampled ? fitOnSample(latents, params, o.fitSample > 0 ? o.fitSample : latents->count, progress)
                : project(latents, params,
                          [&progress](const LatentBatch&, double fraction, const std::string& message) {
                              return progress(fraction, message);
                          });
    if (!o.saveModel.empty()) {
        saveUmapModel(o.saveModel, *result.umap);
        statusLine("wrote " + o.saveModel + ": " + describe(result.params) + " fitted on " +
                   std::to_string(result.umap->trainingData().count) + " latents");
    }
    if (o.out.empty()) return kExitOk;
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
                    "coordinates: .csv (index,x,y[,z]), .npy (N x dims float32) or .tsv "
                    "(required unless --save-model is given)")
        ->check(outputFile({".csv", ".npy", ".tsv"}));
    auto* method = cmd->add_option("--method", o->method, "pca, tsne, umap, lle or axes:I,J[,K]")
        ->capture_default_str()
        ->check(acceptedBy([](const std::string& spec) { parseProjectionSpec(spec); }));
    cmd->add_option("--dims", p.dims, "map dimensions")
        ->capture_default_str()
        ->check(CLI::IsMember({2, 3}));
    cmd->add_option("--perplexity", p.perplexity, "t-SNE: perplexity (below the point count)")
        ->capture_default_str()
        ->check(CLI::PositiveNumber);
    cmd->add_option("--tsne-repulsion", o->repulsion,
                    "t-SNE: barnes-hut, interpolation (FFT, 2-D maps only) or auto (interpolation "
                    "for 2-D maps from " + std::to_string(kTsneInterpolationFrom) + " points)")
        ->capture_default_str()
        ->check(CLI::IsMember(tsneRepulsionNames()));
    cmd->add_option("--neighbors,--neighbours", p.neighbours, "UMAP and LLE: neighbours per point")
        ->capture_default_str()
        ->check(CLI::Range(param_limits::kMinNeighbours, param_limits::kMaxNeighbours));
    cmd->add_option("--min-dist", p.minDist, "UMAP: minimum distance in the layout")
        ->capture_default_str()
        ->check(CLI::Range(0.0, param_limits::kMaxMinDist));
    cmd->add_option("--metric", o->metric, "t-SNE, UMAP and LLE: distance between latents")
        ->capture_default_str()
        ->check(CLI::IsMember(metricNames()));
    cmd->add_option("--iterations", p.iterations, "t-SNE and UMAP: optimisation steps (0: default)")
        ->check(CLI::Range(0, param_limits::kMaxIterations));
    cmd->add_option("--seed", p.seed, "random seed (same seed and threads: same map)")
        ->capture_default_str();
    cmd->add_option("--threads", p.threads, "worker threads")->check(CLI::Range(1, param_limits::kMaxThreads));
    auto* fitSample = cmd->add_option("--fit-sample", o->fitSample,
                                      "UMAP: fit on this many rows sampled by --seed and place the others "
                                      "on that map (for inputs too large to fit whole)")
                          ->check(CLI::Range(std::size_t{2}, std::size_t{1} << 40));
    auto* saveModel = cmd->add_option("--save-model", o->saveModel,
                                      "UMAP: save the fitted map (.umap) for --transform, e.g. by cluster jobs")
                          ->check(outputFile({".umap"}));
    cmd->add_option("--transform", o->transformModel,
                    "place the latents of --in on a map saved by --save-model (its parameters apply)")
        ->check(CLI::ExistingFile)
        ->excludes(method)
        ->excludes(fitSample)
        ->excludes(saveModel);
    cmd->parse_complete_callback([o] {
        if (o->out.empty() && o->saveModel.empty()) {
            throw CLI::RequiredError("--out (or --save-model)");
        }
        if (!o->transformModel.empty() && o->out.empty()) throw CLI::RequiredError("--out");
    });
    return {cmd, [o] { return runProject(*o); }};
}

}  // namespace latent::app
