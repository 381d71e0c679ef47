#include "WorkspaceScores.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "latent/core/ImageComplexity.h"

namespace latent {
namespace {

// Above this many items the k-th neighbour distance is not measured on open: at some tens
// of microseconds per query it would add seconds to every open of a big map.
constexpr std::size_t kMaxNeighbourScored = 100000;

// Why a workspace has no reconstructions to score, or "" when it has.
std::string whyNoReconstruction(const Workspace& ws, const std::optional<ReconstructionErrors>& reconstruction) {
    if (!ws.model) return "there is no model: nothing is decoded";
    if (ws.sampledFromPrior) return "the model has no encoder: its points are prior samples, with nothing to reconstruct";
    if (!ws.hasImages()) return "the data are latents, not images: there is nothing to compare a reconstruction with";
    if (!reconstruction) return "the images were not reconstructed";
    return {};
}

ScoreColumn reconstructionMse(const Workspace& ws, const std::optional<ReconstructionErrors>& reconstruction) {
    ScoreColumn score{"recon_mse", "reconstruction error (MSE)",
                      "mean squared difference between an image and its reconstruction, per pixel in [0, 1]: "
                      "high for items the model does not reproduce",
                      {}, whyNoReconstruction(ws, reconstruction)};
    if (score.available()) score.values = reconstruction->mse();
    return score;
}

ScoreColumn reconstructionBce(const Workspace& ws, const std::optional<ReconstructionErrors>& reconstruction) {
    ScoreColumn score{"recon_bce", "reconstruction error (BCE)",
                      "binary cross-entropy of the reconstruction against the image, per pixel, in nats",
                      {}, whyNoReconstruction(ws, reconstruction)};
    if (score.available() && reconstruction->bce().empty()) {
        const ModelInfo& info = ws.model->info();
        score.unavailable = "the model's outputs range over [" + std::to_string(info.valueMin) + ", " +
                            std::to_string(info.valueMax) + "], not [0, 1]: cross-entropy does not apply";
    }
    if (score.available()) score.values = reconstruction->bce();
    return score;
}

// A VAE's posterior (mu, logvar) is known only when it encoded the items.
std::string whyNoPosterior(const Workspace& ws);

// The model's cost of each image in nats: for models whose outputs are probabilities, the
// cross-entropy above the image's own entropy, summed over the pixels; else the squared
// error of a Gaussian decoder whose one variance is fitted to the data (the median
// per-pixel squared error); plus the KL of the posterior for VAEs.
std::vector<double> modelCost(const Workspace& ws, const ReconstructionErrors& reconstruction) {
    const double values = static_cast<double>(ws.dataset.shape.pixelCount());
    std::vector<double> cost(ws.dataset.count);
    if (!reconstruction.bceExcess().empty()) {
        for (std::size_t i = 0; i < cost.size(); ++i) cost[i] = reconstruction.bceExcess()[i] * values;
    } else {
        const double variance = std::max(quantile(reconstruction.mse(), 0.5), 1e-12);
        for (std::size_t i = 0; i < cost.size(); ++i) cost[i] = 0.5 * reconstruction.mse()[i] * values / variance;
    }
    if (whyNoPosterior(ws).empty()) {
        const std::vector<double> kl = klToPrior(ws.latents, ws.logvars);
        for (std::size_t i = 0; i < cost.size(); ++i) cost[i] += kl[i];
    }
    return cost;
}

// log(v) minus its median, over 1.4826 MADs (one standard deviation for normal data): how
// unusual each value is, unmoved by the outliers it is meant to find. NaN stays NaN.
std::vector<double> robustZOfLog(const std::vector<double>& values) {
    std::vector<double> logs(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) logs[i] = values[i] > 0.0 ? std::log(values[i]) : std::nan("");
    const double median = quantile(logs, 0.5);
    std::vector<double> deviations(logs.size());
    for (std::size_t i = 0; i < logs.size(); ++i) deviations[i] = std::abs(logs[i] - median);
    const double scale = std::max(1.4826 * quantile(deviations, 0.5), 1e-12);
    for (double& v : logs) v = (v - median) / scale;
    return logs;
}

// Reconstruction error alone misses simple images of another kind (a blank page, a thin
// digit): the model reproduces them cheaply because there is little to reproduce. Judging
// the model's cost against the image's own complexity ranks them with the other strangers.
ScoreColumn outlierScore(const Workspace& ws, const std::optional<ReconstructionErrors>& reconstruction,
                         int threads) {
    ScoreColumn score{"outlier_score", "outlier score",
                      "how unusual the item's reconstruction error is, or the model's cost of it (cross-entropy above "
                      "the image's entropy, plus KL for VAEs) per nat of the image's compressed size, whichever is more unusual, in robust "
                      "standard deviations: high for items of a kind the model did not learn, even simple ones "
                      "it reproduces well",
                      {}, whyNoReconstruction(ws, reconstruction)};
    if (!score.available()) return score;
    const std::vector<double> cost = modelCost(ws, *reconstruction);
    const std::vector<double> complexity = imageComplexity(ws.dataset, threads);
    std::vector<double> relative(cost.size());
    for (std::size_t i = 0; i < cost.size(); ++i) relative[i] = cost[i] / complexity[i];
    // A busy image of another kind is reproduced badly, but costs little for its complexity;
    // taking the more unusual of the two, each in robust standard deviations, catches both.
    const std::vector<double> byRelative = robustZOfLog(relative), byError = robustZOfLog(reconstruction->mse());
    score.values.resize(cost.size());
    for (std::size_t i = 0; i < cost.size(); ++i) score.values[i] = std::max(byRelative[i], byError[i]);
    return score;
}

ScoreColumn neighbourDistance(const Workspace& ws, int threads, const ProgressFn& progress) {
    const std::string ordinal = std::to_string(kScoreNeighbour) + "th";
    ScoreColumn score{"knn_distance", "distance to the " + ordinal + " nearest item",
                      "Euclidean distance in latent space from an item to its " + ordinal +
                          " nearest other item: high for items far from the rest of the data",
                      {}, {}};
    if (!ws.neighbours || ws.latents.count <= kScoreNeighbour) {
        score.unavailable = "it needs more than " + std::to_string(kScoreNeighbour) + " items";
    } else if (ws.latents.count > kMaxNeighbourScored) {
        score.unavailable = "the data have more than " + std::to_string(kMaxNeighbourScored) +
                            " items: a neighbour search for every one would hold up opening them";
    } else {
        score.values = kthNeighbourDistance(*ws.neighbours, ws.latents, kScoreNeighbour, threads, progress);
    }
    return score;
}

std::string whyNoPosterior(const Workspace& ws) {
    if (ws.logvars.count == ws.latents.count && ws.logvars.count > 0) return {};
    if (ws.sampledFromPrior) return "the points are prior samples: they have no posterior";
    if (!ws.model || !ws.hasImages()) return "the latents were not encoded here: their posterior is not known";
    return "the encoder is not variational (it gives no variance): only VAEs have a posterior to compare with the prior";
}

ScoreColumn klToPriorScore(const Workspace& ws) {
    ScoreColumn score{"kl_to_prior", "KL to the prior",
                      "KL divergence of the item's posterior from the N(0, I) prior, in nats: high for items "
                      "the encoder places confidently far from the prior",
                      {}, whyNoPosterior(ws)};
    if (score.available()) score.values = klToPrior(ws.latents, ws.logvars);
    return score;
}

ScoreColumn priorLogDensityScore(const Workspace& ws) {
    ScoreColumn score{"prior_log_density", "prior log-density",
                      "log-density of the item's mean under the N(0, I) prior, in nats: low for items in "
                      "regions the prior rarely samples",
                      {}, whyNoPosterior(ws)};
    if (score.available()) score.values = priorLogDensity(ws.latents);
    return score;
}

}  // namespace

ItemScores scoreWorkspace(const Workspace& ws, const std::optional<ReconstructionErrors>& reconstruction,
                          int threads, const ProgressFn& progress) {
    ItemScores scores;
    scores.columns.push_back(outlierScore(ws, reconstruction, threads));
    scores.columns.push_back(reconstructionMse(ws, reconstruction));
    scores.columns.push_back(reconstructionBce(ws, reconstruction));
    scores.columns.push_back(neighbourDistance(ws, threads, progress));
    scores.columns.push_back(klToPriorScore(ws));
    scores.columns.push_back(priorLogDensityScore(ws));
    return scores;
}

}  // namespace latent
