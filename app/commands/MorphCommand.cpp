// `morph`: decode the path between two items as a PNG strip or an animated GIF.
#include <algorithm>
#include <cmath>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/ExplorationExport.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct MorphOptions {
    std::string model = bundledModel().string();
    PointSource source;
    std::size_t from = 0;
    std::size_t to = 1;
    std::size_t steps = 10;
    bool slerp = false;
    bool extrapolate = false;
    std::string out;
    int delayMs = 100;
    int scale = 2;
};

int runMorph(const MorphOptions& o) {
    const auto model = Model::load(o.model);
    const auto points = loadPoints(o.source, *model, {{"--from", o.from}, {"--to", o.to}}, false);
    const auto a = points.items.row(0), b = points.items.row(1);
    MorphExport morph{{a.begin(), a.end()},
                      {b.begin(), b.end()},
                      o.slerp ? InterpolationMode::Spherical : InterpolationMode::Linear,
                      o.steps,
                      o.extrapolate ? 1.5 : 1.0,
                      o.scale};
    if (extensionOf(o.out) == ".gif") {
        // GIF counts in 1/100 s; round to the nearest it can show.
        const int centiseconds = std::max(1, static_cast<int>(std::lround(o.delayMs / 10.0)));
        exportMorphAnimation(decoderOf(*model), morph, centiseconds, o.out);
    } else {
        exportMorphStrip(decoderOf(*model), morph, o.out);
    }
    statusLine("wrote " + o.out + ": " + std::to_string(o.steps) + " frames from " +
               std::to_string(o.from) + " to " + std::to_string(o.to));
    return kExitOk;
}

}  // namespace

Command addMorphCommand(CLI::App& cli) {
    auto o = std::make_shared<MorphOptions>();
    auto* cmd = cli.add_subcommand("morph", "decode the path between two items (PNG strip or GIF)");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    addPointSourceOptions(*cmd, o->source);
    cmd->add_option("--from", o->from, "index of the first item (A)")->required();
    cmd->add_option("--to", o->to, "index of the last item (B)")->required();
    cmd->add_option("--steps", o->steps, "frames from A to B, ends included")
        ->capture_default_str()
        ->check(CLI::Range(2, 200));
    cmd->add_flag("--slerp", o->slerp, "spherical interpolation instead of linear");
    cmd->add_flag("--extrapolate", o->extrapolate, "go on past B, to t = 1.5");
    cmd->add_option("--out", o->out, "a .png strip (frames side by side) or a .gif animation")
        ->required()
        ->check(outputFile({".png", ".gif"}));
    cmd->add_option("--delay", o->delayMs, "GIF: milliseconds per frame")
        ->capture_default_str()
        ->check(CLI::Range(10, 60000));
    cmd->add_option("--scale", o->scale, "pixel enlargement")
        ->capture_default_str()
        ->check(CLI::Range(1, 16));
    return {cmd, [o] { return runMorph(*o); }};
}

}  // namespace latent::app
