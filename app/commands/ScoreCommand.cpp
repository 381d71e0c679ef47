// `score`: how well the model understands each item, as CSV or .npy.
#include <iostream>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/ItemScores.h"
#include "latent/core/Model.h"
#include "latent/core/Workspace.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct ScoreOptions {
    std::string model = bundledModel().string();
    bool noModel = false;
    std::string data = kDefaultDataDir.string();
    std::string split = "test";
    std::size_t limit = 0;
    std::string out;
    int threads = 1;
};

int runScore(const ScoreOptions& o) {
    setInferenceThreads(o.threads);
    WorkspaceRequest request;
    request.identity.modelPath = o.noModel ? std::filesystem::path() : std::filesystem::path(o.model);
    request.identity.dataPath = o.data;
    request.identity.split = o.split;
    request.identity.limit = o.limit;
    request.threads = o.threads;
    request.requireModel = !o.noModel;  // latents of another size are an error, not a silent no-model run
    const Workspace ws = buildWorkspace(request, terminalProgress());
    writeScores(o.out, ws.scores);
    std::string written;
    for (const ScoreColumn& score : ws.scores.columns) {
        if (score.available()) {
            written += (written.empty() ? "" : ", ") + score.id;
        } else {
            std::cerr << "no " << score.id << ": " << score.unavailable << "\n";
        }
    }
    statusLine("wrote " + o.out + ": " + std::to_string(ws.latents.count) + " items x (" + written + ")");
    return kExitOk;
}

}  // namespace

Command addScoreCommand(CLI::App& cli) {
    auto o = std::make_shared<ScoreOptions>();
    auto* cmd = cli.add_subcommand(
        "score", "score how well the model understands each item: reconstruction error, distance to the "
                 "rest of the data, KL to the prior and prior log-density (.csv or .npy)");
    auto* model = cmd->add_option("--model", o->model, "TorchScript model file, or a JSON manifest")
                      ->check(CLI::ExistingFile);
    cmd->add_flag("--no-model", o->noModel, "score precomputed latents without a model (latent-space scores only)")
        ->excludes(model);
    cmd->add_option("--data", o->data,
                    "images (IDX folder or file, .npy/.npz, image folder) or precomputed latents")
        ->check(CLI::ExistingPath);
    cmd->add_option("--split", o->split, "split of an IDX folder")->check(CLI::IsMember({"test", "train"}));
    cmd->add_option("--limit", o->limit, "score only the first N items (0: all)");
    cmd->add_option("--out", o->out, "output .csv (a header of score ids) or .npy (N x scores, float32)")
        ->required()
        ->check(outputFile({".csv", ".npy"}));
    cmd->add_option("--threads", o->threads, "inference and neighbour-search threads")->check(CLI::Range(1, 64));
    return {cmd, [o] { return runScore(*o); }};
}

}  // namespace latent::app
