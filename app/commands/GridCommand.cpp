// `grid`: originals and their reconstructions, as one PNG.
#include <iostream>
#include <memory>

#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/Dataset.h"
#include "latent/core/ImageIo.h"
#include "latent/core/Model.h"
#include "latent/core/ReconstructionGrid.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct GridOptions {
    std::string model = bundledModel().string();
    std::string data = kDefaultDataDir.string();
    std::string split = "test";
    std::string out;
    std::size_t count = 20;
    int columns = 10;
    int scale = 3;
};

int runGrid(const GridOptions& o) {
    const auto model = Model::load(o.model);
    const auto data = loadMnistStyleSplit(o.data, o.split);
    const auto indices = indicesAcrossClasses(data, o.count);
    writePng(o.out, reconstructionGrid(*model, data, indices, o.columns, o.scale));
    statusLine("wrote " + o.out + " (" + std::to_string(indices.size()) +
               " images and their reconstructions)");
    return kExitOk;
}

}  // namespace

Command addGridCommand(CLI::App& cli) {
    auto o = std::make_shared<GridOptions>();
    auto* cmd = cli.add_subcommand("grid", "write originals and reconstructions as a PNG grid");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    cmd->add_option("--data", o->data, "folder with MNIST-style IDX files")
        ->check(CLI::ExistingDirectory);
    cmd->add_option("--split", o->split, "dataset split")->check(CLI::IsMember({"test", "train"}));
    cmd->add_option("--count", o->count, "how many images")->check(CLI::Range(1, 1000));
    cmd->add_option("--columns", o->columns, "images per row")->check(CLI::Range(1, 100));
    cmd->add_option("--scale", o->scale, "pixel enlargement")->check(CLI::Range(1, 16));
    cmd->add_option("--out", o->out, "output PNG")->required();
    return {cmd, [o] { return runGrid(*o); }};
}

}  // namespace latent::app
