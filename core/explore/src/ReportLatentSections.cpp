// Continuity, disentanglement and compactness: the sections measured on the latents alone
// (and the decoder, for continuity).
#include <algorithm>
#include <cmath>
#include <set>

#include "ReportSections.h"
#include "latent/core/Compactness.h"
#include "latent/core/Continuity.h"
#include "latent/core/InformationMeasures.h"
#include "latent/core/Sampling.h"

namespace latent::report {
namespace {

constexpr std::size_t kMostCategories = 50;  // more than this is an identifier, not a label

std::vector<std::string> dimensionNames(std::size_t dims) {
    std::vector<std::string> names;
    for (std::size_t d = 0; d < dims; ++d) names.push_back("z" + std::to_string(d));
    return names;
}

// The latents of the items that have a value in `column`, with those values.
std::pair<LatentBatch, std::vector<int>> labelledLatents(const LatentBatch& latents, const LabelColumn& column) {
    std::vector<std::size_t> items;
    for (std::size_t i = 0; i < column.codes.size(); ++i) {
        if (column.codes[i] >= 0) items.push_back(i);
    }
    std::vector<int> codes;
    for (const std::size_t i : items) codes.push_back(column.codes[i]);
    return {rowsOf(latents, items), std::move(codes)};
}

}  // namespace

std::string itemsNote(std::size_t items) { return formatCardValue(static_cast<double>(items)) + " items"; }
std::string seedNote(std::uint64_t seed) { return "seed " + std::to_string(seed); }

std::vector<LabelColumn> labelColumns(const Workspace& ws) {
    std::vector<LabelColumn> columns;
    for (const MetadataColumn& column : ws.metadata.columns) {
        if (column.numeric && column.name != "label") continue;  // scores and measurements
        if (column.cells.size() != ws.latents.count) continue;
        Categories categories = categoriesOf(column);
        if (categories.names.size() < 2 || categories.names.size() > kMostCategories) continue;
        columns.push_back({column.name, std::move(categories.codes), categories.names.size()});
    }
    return columns;
}

CardSection continuity(const Workspace& ws, const ReportOptions& options, const DecodeFn& decode,
                       const ProgressFn& progress) {
    CardSection section{"continuity", "Continuity",
                        "how smoothly the decoded image changes along straight lines between items: a small, even "
                        "rate means nearby latents decode to similar images",
                        {}, {}, {}};
    if (!ws.model) {
        section.unavailable = "there is no model to decode with";
        return section;
    }
    if (ws.latents.count < 2) {
        section.unavailable = "it needs 2 or more items";
        return section;
    }
    const auto pairs = samplePairs(ws.latents.count, options.continuityPairs, options.seed);
    const Continuity c = measureContinuity(
        ws.latents, pairs, options.continuitySteps, decode, progress);
    const std::string sample = formatCardValue(static_cast<double>(c.pathMeanRate.size())) + " paths of " +
                               std::to_string(c.steps) + " steps between random pairs of items, " +
                               seedNote(options.seed) +
                               (c.skippedPaths > 0 ? " (" + std::to_string(c.skippedPaths) + " paths skipped: NaN or zero length)" : "");
    section.numbers.push_back({"continuity.mean_rate", "mean image change per unit of latent distance", c.meanRate,
                               "RMS pixel change per unit", sample});
    section.numbers.push_back({"continuity.largest_rate", "largest image change per unit of latent distance",
                               c.largestRate, "RMS pixel change per unit", sample});
    section.numbers.push_back({"continuity.largest_to_mean", "largest step over the mean step",
                               c.meanRate > 0.0 ? c.largestRate / c.meanRate : std::nan(""), "times", sample});
    if (!c.worstStrip.empty()) {
        const auto [a, b] = pairs[c.worstPath];
        section.plots.push_back(stripPlot(
            "the path with the largest step: item " + std::to_string(a) + " to item " + std::to_string(b), c.worstStrip));
    }
    return section;
}

CardSection disentanglement(const Workspace& ws, const ReportOptions& options) {
    CardSection section{"disentanglement", "Disentanglement",
                        "how much each latent dimension tells about each label, and whether one dimension alone "
                        "carries a label (MIG: 1 when one does, 0 when several share it)",
                        {}, {}, {}};
    const std::vector<LabelColumn> columns = labelColumns(ws);
    if (columns.empty()) return section.unavailable = kNoLabels, section;
    CardPlot heat = heatMapPlot("mutual information over the label's entropy, per dimension",
                                dimensionNames(ws.latents.dim));
    double gapSum = 0.0;
    for (const LabelColumn& column : columns) {
        const auto [latents, codes] = labelledLatents(ws.latents, column);
        const DimensionInformation info = dimensionInformation(latents, codes, options.informationBins);
        const std::string sample = itemsNote(latents.count) + ", " + std::to_string(options.informationBins) +
                                   " equal-width bins per dimension";
        const auto best = std::max_element(info.perDimension.begin(), info.perDimension.end()) - info.perDimension.begin();
        section.numbers.push_back({"disentanglement.mig." + column.name,
                                   "MIG for " + column.name + " (most informative: z" + std::to_string(best) + ")",
                                   info.gap, "", sample});
        heat.rows.push_back(column.name);
        for (double mi : info.perDimension) heat.values.push_back(info.labelEntropy > 0.0 ? mi / info.labelEntropy : 0.0);
        gapSum += info.gap;
    }
    if (columns.size() > 1) {
        section.numbers.insert(section.numbers.begin(), {"disentanglement.mig", "mean MIG over the label columns",
                                                         gapSum / static_cast<double>(columns.size()), "",
                                                         std::to_string(columns.size()) + " label columns"});
    }
    section.plots.push_back(std::move(heat));
    return section;
}

CardSection compactness(const Workspace& ws) {
    CardSection section{"compactness", "Compactness",
                        "how many latent dimensions the data use: active dimensions, effective dimensionality and "
                        "the principal components that hold 90% of the variance",
                        {}, {}, {}};
    if (ws.latents.count < 2) {
        section.unavailable = "it needs 2 or more items";
        return section;
    }
    const Compactness c = measureCompactness(ws.latents, ws.logvars);
    const std::string sample = itemsNote(ws.latents.count) + " (all)";
    const std::string of = "of " + std::to_string(ws.latents.dim);
    section.numbers.push_back({"compactness.active_dimensions",
                               c.fromKl ? "active dimensions (mean KL to the prior above 0.01 nats)"
                                        : "active dimensions (variance at least 1% of the largest)",
                               static_cast<double>(c.activeDimensions), of, sample});
    section.numbers.push_back({"compactness.participation_ratio", "effective dimensionality (participation ratio)",
                               c.participationRatio, of, sample});
    section.numbers.push_back({"compactness.pca_90", "principal components for 90% of the variance",
                               static_cast<double>(c.dimensionsFor90Percent), of, sample});
    const double threshold =
        c.fromKl ? kActiveKl : kActiveVarianceShare * *std::max_element(c.perDimension.begin(), c.perDimension.end());
    section.plots.push_back(barsPlot(c.fromKl ? "mean KL to the prior per dimension (nats; line: 0.01)"
                                              : "variance per dimension (line: 1% of the largest)",
                                     dimensionNames(ws.latents.dim), c.perDimension, threshold));
    std::vector<std::string> components;
    for (std::size_t k = 0; k < c.varianceRatio.size(); ++k) components.push_back(std::to_string(k + 1));
    section.plots.push_back(barsPlot("share of the variance per principal component", components, c.varianceRatio));
    return section;
}

}  // namespace latent::report
