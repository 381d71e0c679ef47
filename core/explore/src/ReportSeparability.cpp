// Separability: how well the classes can be told apart from the latents, beside the pixels.
#include <algorithm>

#include "ReportSections.h"
#include "latent/core/Classifiers.h"
#include "latent/core/Error.h"
#include "latent/core/ProgressRange.h"
#include "latent/core/Sampling.h"

namespace latent::report {
namespace {

LatentBatch pixelRows(const Dataset& data, const std::vector<std::size_t>& items) {
    LatentBatch rows(items.size(), data.shape.pixelCount());
    for (std::size_t k = 0; k < items.size(); ++k) {
        const std::vector<float> pixels = data.floatPixels(items[k], 1);
        std::copy(pixels.begin(), pixels.end(), rows.row(k).begin());
    }
    return rows;
}

// Codes renumbered 0..n-1 in order of first appearance, so a sample missing a class still
// has labels the classifiers accept.
std::vector<int> compactCodes(const std::vector<int>& codes) {
    std::vector<int> seen, out;
    for (int code : codes) {
        auto at = std::find(seen.begin(), seen.end(), code);
        if (at == seen.end()) at = seen.insert(seen.end(), code);
        out.push_back(static_cast<int>(at - seen.begin()));
    }
    return out;
}

}  // namespace

LabelledSample labelledSample(const Workspace& ws, const ReportOptions& options) {
    LabelledSample sample;
    const std::vector<LabelColumn> columns = labelColumns(ws);
    if (columns.empty()) return sample.unavailable = kNoLabels, sample;
    const LabelColumn& classes = columns.front();  // the classes when there are any
    sample.classes = classes.name;
    for (std::size_t i : sampleItems(ws.latents.count, ws.latents.count, options.seed)) {
        if (classes.codes[i] >= 0 && sample.items.size() < options.classifierSample) sample.items.push_back(i);
    }
    if (sample.items.size() < static_cast<std::size_t>(options.folds) * 2) {
        sample.unavailable = "too few labelled items for " + std::to_string(options.folds) + "-fold cross-validation";
        return sample;
    }
    for (std::size_t i : sample.items) sample.codes.push_back(classes.codes[i]);
    sample.codes = compactCodes(sample.codes);
    if (*std::max_element(sample.codes.begin(), sample.codes.end()) < 1) {
        sample.unavailable = "the sampled items are all of one class (" + classes.name + ")";
    }
    return sample;
}

CardSection separability(const Workspace& ws, const ReportOptions& options, const ProgressFn& progress) {
    CardSection section{"separability", "Separability",
                        "how well the classes can be told apart from the latents: cross-validated accuracy of a "
                        "linear and a nearest-neighbour classifier, beside the same two on the raw pixels",
                        {}, {}, {}};
    const LabelledSample labelledItems = labelledSample(ws, options);
    if (!labelledItems.unavailable.empty()) return section.unavailable = labelledItems.unavailable, section;
    const std::vector<std::size_t>& labelled = labelledItems.items;
    const std::vector<int>& codes = labelledItems.codes;
    const Folds folds = roundRobinFolds(labelled.size(), options.folds);
    const std::string sample = itemsNote(labelled.size()) + ", " + std::to_string(options.folds) + " folds, " +
                               seedNote(options.seed) + ", classes: " + labelledItems.classes;
    const LatentBatch latents = rowsOf(ws.latents, labelled);
    const bool pixels = ws.hasImages();
    const double linearLatents = crossValidatedLogisticAccuracy(latents, codes, folds, options.threads, subRange(progress, 0.0, 0.1));
    const double knnLatents = crossValidatedKnnAccuracy(latents, codes, folds, options.neighbours, options.threads);
    section.numbers.push_back({"separability.linear_latents", "linear classifier on the latents", linearLatents,
                               "accuracy", sample});
    section.numbers.push_back({"separability.knn_latents", std::to_string(options.neighbours) + "-NN classifier on the latents",
                               knnLatents, "accuracy", sample});
    CardPlot bars = barsPlot("cross-validated accuracy (z: latents, px: pixels)", {"linear z", "kNN z"},
                             {linearLatents, knnLatents}, 0.0, 1.0);
    if (pixels) {
        const LatentBatch raw = pixelRows(ws.dataset, labelled);
        const double linearPixels = crossValidatedLogisticAccuracy(raw, codes, folds, options.threads, subRange(progress, 0.1, 0.9));
        if (progress && !progress(0.9, "Classifying pixels by their neighbours")) throw Error(ErrorKind::Cancelled, "cancelled");
        const double knnPixels = crossValidatedKnnAccuracy(raw, codes, folds, options.neighbours, options.threads);
        section.numbers.push_back({"separability.linear_pixels", "linear classifier on the pixels", linearPixels,
                                   "accuracy", sample});
        section.numbers.push_back({"separability.knn_pixels", std::to_string(options.neighbours) + "-NN classifier on the pixels",
                                   knnPixels, "accuracy", sample});
        bars.columns.insert(bars.columns.end(), {"linear px", "kNN px"});
        bars.values.insert(bars.values.end(), {linearPixels, knnPixels});
    }
    section.numbers.push_back({"separability.silhouette", "silhouette of the classes in latent space",
                               silhouetteScore(latents, codes, options.threads), "(-1 to 1)",
                               itemsNote(labelled.size()) + ", " + seedNote(options.seed) + ", Euclidean"});
    section.plots.push_back(std::move(bars));
    return section;
}

}  // namespace latent::report
