#include "latent/core/CheckpointMeasures.h"

#include <cmath>
#include <limits>
#include <string>

#include "ReportSections.h"
#include "latent/core/Classifiers.h"

namespace latent {
namespace {

constexpr double kNotMeasured = std::numeric_limits<double>::quiet_NaN();

CardNumber meanScore(const Workspace& ws, const std::string& scoreId, const std::string& id, const std::string& label,
                     const std::string& unit) {
    const ScoreColumn* score = ws.scores.find(scoreId);
    if (!score || !score->available()) return {id, label, kNotMeasured, unit, score ? score->unavailable : "not scored"};
    double sum = 0.0;
    std::size_t finite = 0;
    for (double v : score->values) {
        if (std::isfinite(v)) sum += v, ++finite;
    }
    if (finite == 0) return {id, label, kNotMeasured, unit, "no item has a finite value"};
    return {id, label, sum / static_cast<double>(finite), unit, report::itemsNote(finite)};
}

CardNumber compactnessNumber(const CardSection& compactness, const std::string& id) {
    for (const CardNumber& number : compactness.numbers) {
        if (number.id == id) return number;
    }
    return {id, id, kNotMeasured, "", compactness.unavailable};
}

CardNumber knnAccuracy(const Workspace& ws, const ReportOptions& options) {
    const std::string id = "separability.knn_latents";
    const std::string label = std::to_string(options.neighbours) + "-NN classifier on the latents";
    const report::LabelledSample labelled = report::labelledSample(ws, options);
    if (!labelled.unavailable.empty()) return {id, label, kNotMeasured, "accuracy", labelled.unavailable};
    const LatentBatch latents = rowsOf(ws.latents, labelled.items);
    const double accuracy = crossValidatedKnnAccuracy(latents, labelled.codes, roundRobinFolds(labelled.items.size(), options.folds),
                                                      options.neighbours, options.threads);
    return {id, label, accuracy, "accuracy",
            report::itemsNote(labelled.items.size()) + ", " + std::to_string(options.folds) + " folds, " +
                report::seedNote(options.seed) + ", classes: " + labelled.classes};
}

}  // namespace

std::vector<CardNumber> measureCheckpoint(const Workspace& ws, const ModelAgreement& agreement,
                                          const ReportOptions& options) {
    const CardSection compactness = report::compactness(ws);
    return {
        meanScore(ws, "recon_mse", "reconstruction.mse", "mean reconstruction error (MSE)", "MSE"),
        meanScore(ws, "kl_to_prior", "prior.kl", "mean KL to the prior", "nats"),
        compactnessNumber(compactness, "compactness.active_dimensions"),
        compactnessNumber(compactness, "compactness.participation_ratio"),
        knnAccuracy(ws, options),
        {"agreement.mean", "neighbour agreement with the first model", agreement.perItem.empty() ? kNotMeasured : agreement.mean,
         "(0 to 1)", report::itemsNote(agreement.perItem.size()) + ", " + std::to_string(agreement.neighbours - 1) + " neighbours"},
    };
}

}  // namespace latent
