#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include "latent/core/DataSource.h"
#include "latent/core/Dataset.h"
#include "latent/core/DimensionStats.h"
#include "latent/core/Error.h"
#include "latent/core/ImageResize.h"
#include "latent/core/ItemScores.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/MetadataTable.h"
#include "latent/core/Model.h"
#include "latent/core/NeighbourGraphs.h"
#include "latent/core/NeighbourIndex.h"
#include "latent/core/Pca.h"
#include "latent/core/Progress.h"
#include "latent/core/WorkspaceIdentity.h"

namespace latent {

// Everything one exploration works on: a model, a dataset, its latents and the maps.
struct Workspace {
    // Null for precomputed latents without a matching model ("no model" mode: the map,
    // colouring, neighbours and projections work; nothing can be decoded).
    std::shared_ptr<Model> model;
    // Images and labels. For precomputed latents: no images (count 0), labels when the
    // metadata has a label column.
    Dataset dataset;
    LatentBatch latents;
    LatentBatch logvars;  // a VAE's per-item log-variance (N x D); empty for other models
    // Per latent dimension over the data (rankDimensions orders them): importance is the
    // mean KL to the prior when logvars are known (dimensionsByKl), else the variance.
    std::vector<DimensionSummary> dimensions;
    bool dimensionsByKl = false;
    // A generator-only model: `latents` are samples from its prior, `dataset` is empty
    // (count 0) and names the sample.
    bool sampledFromPrior = false;
    std::string resizeNote;  // how dataset images were fitted to the model; "" if untouched
    std::string modelNote;   // why there is no model, when there is none
    std::string dataFormat;  // "MNIST-style IDX folder", "TensorBoard projector vectors", ...
    std::vector<SkippedFile> skipped;  // image folders: unreadable files
    MetadataTable metadata;            // one row per point (at least the labels, if any)
    // How well the model understands each item; the available scores are also numeric
    // columns of `metadata` (named by their titles), so they colour the map and export.
    ItemScores scores;
    // A generator-only model given a dataset: its first images, fitted to the model's shape,
    // shown beside the prior samples (empty when none was given or they cannot be fitted).
    Dataset reference;
    Pca pca2;
    Pca pca3;
    LatentBatch coords2;  // N x 2
    LatentBatch coords3;  // N x 3
    std::shared_ptr<const NeighbourIndex> neighbours;  // over the latents (Euclidean)
    // The latents' UMAP neighbour graphs, built once and shared by maps and clusters.
    std::shared_ptr<NeighbourGraphs> graphs = std::make_shared<NeighbourGraphs>();
    double encodeSeconds = 0.0;
    double projectSeconds = 0.0;

    bool hasModel() const { return model != nullptr; }
    // Whether point i has a dataset image (not so for prior samples and latent sources).
    bool hasImages() const { return dataset.count > 0 && dataset.count == latents.count; }
    const Pca& pca(int dims) const { return dims == 3 ? pca3 : pca2; }
    const LatentBatch& coords(int dims) const { return dims == 3 ? coords3 : coords2; }
};

struct WorkspaceRequest {
    WorkspaceIdentity identity;  // what to build
    std::size_t batchSize = 256;
    int threads = 1;  // for building the neighbour index
    // Dataset images of another shape are resized when that is sensible (resizeIsSensible);
    // otherwise the job fails naming both shapes. When false, a sensible resize is not done
    // but offered: the job throws DatasetNeedsResize (a UI asks the user, then retries).
    bool resizeToFit = true;
    // Precomputed latents of another size than the model's: fail (true), or open them with
    // no model and say why (false).
    bool requireModel = false;
};

// The dataset's images do not fit the model but could be resized; what() names both
// shapes and the resize that would be done.
class DatasetNeedsResize : public Error {
public:
    DatasetNeedsResize(ImageShape from, ImageShape to, const std::string& message)
        : Error(ErrorKind::InvalidArgument, message), datasetShape(from), modelShape(to) {}
    ImageShape datasetShape;
    ImageShape modelShape;
};

// Generator-only models keep at most this many dataset images to show beside the samples.
inline constexpr std::size_t kReferenceImageLimit = 10000;

// Loads the model and the dataset, encodes and projects it (or, for a generator-only
// model, samples its prior and projects that; for precomputed latents, projects them):
// the work behind "open". Images need a model with an encoder.
// Progress fractions cover the whole job. Throws latent::Error (Cancelled on cancel).
Workspace buildWorkspace(const WorkspaceRequest& request, const ProgressFn& progress = {});

}  // namespace latent
