// `traverse`: one item's latent with chosen dimensions swept, as a PNG grid (a row each).
#include <algorithm>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/DimensionStats.h"
#include "latent/core/Error.h"
#include "latent/core/Traversal.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct TraverseOptions {
    std::string model = bundledModel().string();
    PointSource source;
    std::size_t index = 0;
    std::vector<std::size_t> dims;
    std::size_t top = 8;
    std::size_t steps = 10;
    std::string range = "data";
    double sigmas = 3.0;
    std::string out;
    int scale = 2;
};

int runTraverse(const TraverseOptions& o) {
    const auto model = Model::load(o.model);
    // The data's statistics rank dimensions and give their ranges; a prior range with
    // chosen dimensions needs only the one item.
    const bool needStats = o.range == "data" || o.dims.empty();
    const auto points = loadPoints(o.source, *model, {{"--index", o.index}}, needStats);
    std::vector<DimensionSummary> summaries;
    // A VAE's images are ranked by mean KL to the prior, as the GUI's sliders are.
    const bool byKl = points.allLogvars.count > 0 && points.allLogvars.count == points.all.count;
    if (needStats) summaries = summariseDimensions(points.all, byKl ? &points.allLogvars : nullptr);

    std::vector<std::size_t> dims = o.dims;
    if (dims.empty()) {
        dims = rankDimensions(summaries);
        dims.resize(std::min(dims.size(), o.top));
    }
    std::vector<TraversalRange> ranges;
    for (std::size_t d : dims) {
        if (d >= points.items.dim) {
            throw Error(ErrorKind::InvalidArgument,
                        "--dims " + std::to_string(d) + " is out of range: the latent has " +
                            std::to_string(points.items.dim) + " dimensions (0 to " +
                            std::to_string(points.items.dim - 1) + ")");
        }
        ranges.push_back(o.range == "data" ? dataRange(summaries[d], o.sigmas)
                                           : priorRange(o.sigmas));
    }
    const auto latents = traversalLatents(points.items.row(0), dims, o.steps, ranges);
    writePng(o.out, decodeToGrid(decoderOf(*model), latents, static_cast<int>(o.steps), o.scale));
    statusLine("wrote " + o.out + ": " + std::to_string(dims.size()) + " dimensions x " +
               std::to_string(o.steps) + " steps around item " + std::to_string(o.index));
    return kExitOk;
}

}  // namespace

Command addTraverseCommand(CLI::App& cli) {
    auto o = std::make_shared<TraverseOptions>();
    auto* cmd = cli.add_subcommand(
        "traverse", "sweep latent dimensions of one item: a PNG grid, one row per dimension");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    addPointSourceOptions(*cmd, o->source);
    cmd->add_option("--index", o->index, "the item whose latent is swept")->required();
    auto* dims = cmd->add_option("--dims", o->dims, "latent dimensions to sweep, e.g. 0,3,7")
                     ->delimiter(',');
    cmd->add_option("--top", o->top,
                    "or: the K most important dimensions (mean KL to the prior when a VAE "
                    "encodes --data, else the variance over the data)")
        ->capture_default_str()
        ->check(CLI::Range(1, 256))
        ->excludes(dims);
    cmd->add_option("--steps", o->steps, "images per dimension, ends included")
        ->capture_default_str()
        ->check(CLI::Range(2, 100));
    cmd->add_option("--range", o->range,
                    "data: mean +- sigmas sd of the encoded data; prior: +- sigmas")
        ->capture_default_str()
        ->check(CLI::IsMember({"data", "prior"}));
    cmd->add_option("--sigmas", o->sigmas, "half-width of the range in standard deviations")
        ->capture_default_str()
        ->check(CLI::Range(0.1, 10.0));
    cmd->add_option("--out", o->out, "output PNG")->required()->check(outputFile({".png"}));
    cmd->add_option("--scale", o->scale, "pixel enlargement")
        ->capture_default_str()
        ->check(CLI::Range(1, 16));
    return {cmd, [o] { return runTraverse(*o); }};
}

}  // namespace latent::app
