// `info`: the model contract check, for people or (--json) for scripts.
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>

#include "Commands.h"
#include "latent/core/Error.h"
#include "latent/core/Model.h"
#include "latent/core/ModelReport.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct InfoOptions {
    std::string model = bundledModel().string();
    bool json = false;
};

int runInfo(const InfoOptions& o) {
    if (!o.json) {
        std::cout << modelInfoText(Model::load(o.model)->info());
        return kExitOk;
    }
    try {
        std::cout << modelInfoJson(Model::load(o.model)->info());
        return kExitOk;
    } catch (const Error& e) {
        // Scripts reading stdout get the failed check as JSON too (the message also goes
        // to stderr, and the exit code says it failed).
        const nlohmann::json failure = {
            {"path", o.model}, {"error", e.what()}, {"error_kind", toString(e.kind())}};
        std::cout << failure.dump(2) << "\n";
        throw;
    }
}

}  // namespace

Command addInfoCommand(CLI::App& cli) {
    auto o = std::make_shared<InfoOptions>();
    auto* cmd = cli.add_subcommand("info", "load a model, check its contract and describe it");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    cmd->add_flag("--json", o->json, "print JSON instead of text");
    return {cmd, [o] { return runInfo(*o); }};
}

}  // namespace latent::app
