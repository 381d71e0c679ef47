#include "WorkspaceScores.h"

#include <string>

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

// A VAE's posterior (mu, logvar) is known only when it encoded the items.
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
    scores.columns.push_back(reconstructionMse(ws, reconstruction));
    scores.columns.push_back(reconstructionBce(ws, reconstruction));
    scores.columns.push_back(neighbourDistance(ws, threads, progress));
    scores.columns.push_back(klToPriorScore(ws));
    scores.columns.push_back(priorLogDensityScore(ws));
    return scores;
}

}  // namespace latent
