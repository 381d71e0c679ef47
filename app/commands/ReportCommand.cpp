// `report`: the latent report card of a model on a dataset, printed and saved.
#include <iostream>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/Model.h"
#include "latent/core/ReportCardBuilder.h"
#include "latent/core/Workspace.h"
#include "../Resources.h"

namespace latent::app {
namespace {

struct ReportCommandOptions {
    std::string model = bundledModel().string();
    bool noModel = false;
    std::string data = kDefaultDataDir.string();
    std::string split = "test";
    std::size_t limit = 0;
    bool json = false;
    std::string out;
    std::string compareData;
    std::string compareSplit = "train";
    std::uint64_t seed = 1;
    std::size_t sample = ReportOptions{}.classifierSample;
    int threads = 1;
};

int runReport(const ReportCommandOptions& o) {
    setInferenceThreads(o.threads);
    WorkspaceRequest request;
    request.identity.modelPath = o.noModel ? std::filesystem::path() : std::filesystem::path(o.model);
    request.identity.dataPath = o.data;
    request.identity.split = o.split;
    request.identity.limit = o.limit;
    request.threads = o.threads;
    request.requireModel = !o.noModel;  // latents of another size are an error, not a silent no-model card
    const ProgressFn progress = terminalProgress();
    const Workspace ws = buildWorkspace(request, progress);
    ReportOptions options;
    options.seed = o.seed;
    options.threads = o.threads;
    options.classifierSample = o.sample;
    options.generalisationSample = o.sample;
    options.compareData = o.compareData;
    options.compareSplit = o.compareSplit;
    const ReportCard card = measureReportCard(ws, request.identity, options, directDecode(ws), progress);
    std::cout << (o.json ? reportCardJson(card) : reportCardText(card)) << std::flush;
    if (!o.out.empty()) {
        writeReportCard(o.out, card);
        statusLine("wrote " + o.out);
    }
    return kExitOk;
}

}  // namespace

Command addReportCommand(CLI::App& cli) {
    auto o = std::make_shared<ReportCommandOptions>();
    auto* cmd = cli.add_subcommand(
        "report", "measure the latent space: continuity, disentanglement, compactness, separability and "
                  "generalisation, printed (text or --json) and saved as .json or self-contained .html");
    auto* model = cmd->add_option("--model", o->model, "TorchScript model file, or a JSON manifest")
                      ->check(CLI::ExistingFile);
    cmd->add_flag("--no-model", o->noModel, "measure precomputed latents without a model (what needs no decoder)")
        ->excludes(model);
    cmd->add_option("--data", o->data, "images (IDX folder or file, .npy/.npz, image folder) or precomputed latents")
        ->check(CLI::ExistingPath);
    cmd->add_option("--split", o->split, "split of an IDX folder")->check(CLI::IsMember({"test", "train"}));
    cmd->add_option("--limit", o->limit, "use only the first N items (0: all)");
    cmd->add_flag("--json", o->json, "print the card as JSON instead of text");
    cmd->add_option("--out", o->out, "also save the card: .json, or .html (one self-contained page)")
        ->check(outputFile({".json", ".html"}));
    cmd->add_option("--compare-data", o->compareData,
                    "generalisation: compare with this dataset (default: the IDX folder's other split)")
        ->check(CLI::ExistingPath);
    cmd->add_option("--compare-split", o->compareSplit, "split of --compare-data when it is an IDX folder")
        ->check(CLI::IsMember({"test", "train"}));
    cmd->add_option("--seed", o->seed, "seed of every sample the card draws (the same seed gives the same card)");
    cmd->add_option("--sample", o->sample, "items sampled for the classifiers and for generalisation")
        ->check(CLI::Range(10, 1000000));
    cmd->add_option("--threads", o->threads, "inference and classifier threads")->check(CLI::Range(1, 64));
    return {cmd, [o] { return runReport(*o); }};
}

}  // namespace latent::app
