#pragma once

#include <cstddef>
#include <filesystem>
#include <string>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/NeighbourIndex.h"
#include "latent/core/Progress.h"

namespace latent {

// One per-item score over a workspace: how well the model understands each item. A score
// the workspace cannot give (no images to compare with, not a VAE, ...) has no values and
// says why, so a user is told rather than shown nothing.
struct ScoreColumn {
    std::string id;       // for files and the command line: "recon_mse"
    std::string title;    // for people: "reconstruction error (MSE)"
    std::string meaning;  // one line: what a high value says about the item
    std::vector<double> values;  // one per item; NaN where the model gave no finite answer
    std::string unavailable;     // why there are no values ("" when there are)
    bool available() const { return unavailable.empty(); }
};

// The neighbour whose distance scores how far an item is from the rest of the data.
inline constexpr std::size_t kScoreNeighbour = 10;

// Per-item reconstruction error of one encoded batch, accumulated batch by batch during
// encoding (no second pass over the data). Images are compared in [0, 1].
class ReconstructionErrors {
public:
    // `bce`: also binary cross-entropy, meaningful for models whose output range is [0, 1].
    ReconstructionErrors(std::size_t items, bool bce);

    // `originals`: the n images that were encoded (as Dataset::floatPixels gives them);
    // `decoded`: their latents decoded. Items whose decoding had NaN/Inf get NaN.
    void add(std::size_t first, const std::vector<float>& originals, const std::vector<Image>& decoded);

    const std::vector<double>& mse() const { return mse_; }
    const std::vector<double>& bce() const { return bce_; }
    // The cross-entropy above the image's own entropy (the KL between Bernoulli pixels, per
    // pixel): zero for a perfect reconstruction, where the BCE of a grey image is not.
    const std::vector<double>& bceExcess() const { return bceExcess_; }

private:
    std::vector<double> mse_, bce_, bceExcess_;
};

// KL(N(mu, exp(logvar)) || N(0, I)) of each item's posterior, in nats.
std::vector<double> klToPrior(const LatentBatch& mu, const LatentBatch& logvar);
// log N(mu; 0, I) of each item's latent (its mean for a VAE), in nats.
std::vector<double> priorLogDensity(const LatentBatch& mu);
// Euclidean distance from each item's latent to its k-th nearest other item's (brute
// force on small data, HNSW above; see NeighbourIndex). Throws Error(Cancelled).
std::vector<double> kthNeighbourDistance(const NeighbourIndex& index, const LatentBatch& latents, std::size_t k,
                                         int threads, const ProgressFn& progress = {});

// The scores of a workspace, in a fixed order: the outlier score, reconstruction MSE and
// BCE, the k-th neighbour distance, KL to the prior and the prior log-density.
struct ItemScores {
    std::vector<ScoreColumn> columns;
    const ScoreColumn* find(const std::string& id) const;
    const ScoreColumn* findByTitle(const std::string& title) const;
};

// The items whose value is at or above `threshold`, highest first (ties by index; NaN
// never): the outliers of a score.
std::vector<std::size_t> itemsAtOrAbove(const std::vector<double>& values, double threshold);
// The q-quantile (q in [0, 1]) of the finite values, interpolated linearly between the
// two nearest ranks as NumPy's default does; NaN when there are none.
double quantile(std::vector<double> values, double q);
// |original - reconstruction| per pixel, averaged over the channels: height x width values
// in [0, 1], for an error heat-map. Error(InvalidArgument) when the shapes differ.
std::vector<float> pixelErrors(const Image& original, const Image& reconstruction);

// A score as a numeric metadata column named by its title (Colour by, search, exports).
MetadataColumn toMetadataColumn(const ScoreColumn& score);

// The available scores as CSV ("index,recon_mse,...", shortest round-trip numbers, an
// empty cell for NaN) or as a float32 .npy of N x (available scores), by the path's
// extension. Atomic. Throws Error(InvalidArgument) for another extension or when no score
// is available, Error(Io) when the file cannot be written.
void writeScores(const std::filesystem::path& path, const ItemScores& scores);
// Outliers as CSV: "rank,index,label,<score id>", one row per item in the order given
// (label empty for unlabelled data). Atomic. Throws Error(Io).
void writeOutlierList(const std::filesystem::path& path, const std::vector<std::size_t>& items,
                      const ScoreColumn& score, const Dataset& dataset);

}  // namespace latent
