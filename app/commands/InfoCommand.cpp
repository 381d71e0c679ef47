// `info`: the model contract check, for people or (--json) for scripts.
#include <iostream>
#include <memory>

#include "Commands.h"
#include "latent/core/Model.h"
#include "latent/core/ModelReport.h"

namespace latent::app {
namespace {

struct InfoOptions {
    std::string model = LATENT_DEFAULT_MODEL;
    bool json = false;
};

}  // namespace

Command addInfoCommand(CLI::App& cli) {
    auto o = std::make_shared<InfoOptions>();
    auto* cmd = cli.add_subcommand("info", "load a model, check its contract and describe it");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    cmd->add_flag("--json", o->json, "print JSON instead of text");
    return {
        cmd, [o] {
            const auto model = Model::load(o->model);
            std::cout << (o->json ? modelInfoJson(model->info()) : modelInfoText(model->info()));
            return kExitOk;
        }};
}

}  // namespace latent::app
