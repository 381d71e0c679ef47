#include "latent/core/ReportCardBuilder.h"

#include <chrono>

#include "ReportSections.h"
#include "latent/core/ProgressRange.h"

namespace latent {
namespace {

std::string describeData(const Workspace& ws, const WorkspaceIdentity& identity) {
    if (ws.sampledFromPrior) return ws.dataset.name;  // names the prior sample
    std::string name = identity.dataPath.filename().string();
    if (name.empty()) name = identity.dataPath.parent_path().filename().string();
    if (ws.dataFormat.find("IDX") != std::string::npos) name += " (" + identity.split + " split)";
    return name.empty() ? ws.dataset.name : name;
}

}  // namespace

DecodeFn directDecode(const Workspace& ws) { return ws.model ? decoderOf(*ws.model) : DecodeFn{}; }

ReportCard measureReportCard(const Workspace& ws, const WorkspaceIdentity& identity, const ReportOptions& options,
                             const DecodeFn& decode, const ProgressFn& progress) {
    const auto start = std::chrono::steady_clock::now();
    ReportCard card;
    card.model = ws.model ? identity.modelPath.filename().string() : "no model";
    card.data = describeData(ws, identity);
    card.items = ws.latents.count;
    card.seed = options.seed;
    card.sections.push_back(report::continuity(ws, options, decode, subRange(progress, 0.0, 0.15)));
    card.sections.push_back(report::disentanglement(ws, options));
    card.sections.push_back(report::compactness(ws));
    card.sections.push_back(report::separability(ws, options, subRange(progress, 0.2, 0.75)));
    card.sections.push_back(report::generalisation(ws, identity, options, decode, subRange(progress, 0.75, 1.0)));
    card.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return card;
}

}  // namespace latent
