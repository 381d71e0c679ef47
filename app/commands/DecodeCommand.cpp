// `decode`: latents.npy -> one PNG per latent, or one grid PNG.
#include <iostream>
#include <memory>

#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/DecodeLatents.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Model.h"
#include "latent/core/NpyReader.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct DecodeOptions {
    std::string model = bundledModel().string();
    std::string latents;
    std::string outDir;
    std::string grid;
    int columns = 10;
    int scale = 1;
    int threads = 1;
};

int runDecode(const DecodeOptions& o) {
    setInferenceThreads(o.threads);
    const auto model = Model::load(o.model);
    const LatentBatch latents = latentsFromArray(readNpyFile(o.latents), "'" + o.latents + "'");
    const auto images = decodeLatents(*model, latents, 256, terminalProgress());
    if (!o.grid.empty()) {
        writePng(o.grid, makeGrid(images, o.columns, o.scale, 2));
        statusLine("wrote " + o.grid + ": a grid of " + std::to_string(images.size()) + " images");
    } else {
        const auto paths = writeImageFiles(o.outDir, images, o.scale);
        statusLine("wrote " + std::to_string(paths.size()) + " images to " + o.outDir);
    }
    return kExitOk;
}

}  // namespace

Command addDecodeCommand(CLI::App& cli) {
    auto o = std::make_shared<DecodeOptions>();
    auto* cmd = cli.add_subcommand("decode", "decode latents (.npy, N x D) to PNG images");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    cmd->add_option("--latents", o->latents, "N x D .npy file of latent vectors")
        ->required()
        ->check(CLI::ExistingFile);
    auto* out = cmd->add_option("--out", o->outDir, "folder for 00000.png, 00001.png, ...");
    auto* grid = cmd->add_option("--grid", o->grid, "write one PNG grid instead");
    out->excludes(grid);
    cmd->add_option("--columns", o->columns, "grid: images per row")->check(CLI::Range(1, 1000));
    cmd->add_option("--scale", o->scale, "pixel enlargement")->check(CLI::Range(1, 16));
    cmd->add_option("--threads", o->threads, "inference threads")->check(CLI::Range(1, 64));
    cmd->callback([out, grid] {
        if (out->count() == 0 && grid->count() == 0) {
            throw CLI::ValidationError("decode", "needs --out DIR or --grid FILE.png");
        }
    });
    return {cmd, [o] { return runDecode(*o); }};
}

}  // namespace latent::app
