#include "latent/core/ModelComparison.h"

#include <algorithm>
#include <memory>
#include <numeric>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/NeighbourOverlap.h"
#include "latent/core/ProgressRange.h"
#include "latent/core/Projector.h"

namespace latent {
namespace {

// The same map from the same latents: every parameter but the thread count alike.
bool sameProjection(ProjectionParams a, ProjectionParams b) {
    a.threads = b.threads = 1;
    return normalized(a) == normalized(b);
}

}  // namespace

ModelAgreement compareNeighbours(const Workspace& a, const Workspace& b, int neighbours, std::uint64_t seed,
                                 int threads, const ProgressFn& progress) {
    const std::size_t n = a.latents.count;
    if (b.latents.count != n) {
        throw Error(ErrorKind::InvalidArgument, "the models encoded different numbers of items (" + std::to_string(n) +
                                                    " and " + std::to_string(b.latents.count) + ")");
    }
    if (n <= static_cast<std::size_t>(neighbours)) {
        throw Error(ErrorKind::InvalidArgument,
                    "comparing needs more items than neighbours (" + std::to_string(neighbours) + ")");
    }
    const auto knnA = a.graphs->knn(a.latents, neighbours, Metric::Euclidean, seed, threads, subRange(progress, 0.0, 0.5));
    const auto knnB = b.graphs->knn(b.latents, neighbours, Metric::Euclidean, seed, threads, subRange(progress, 0.5, 1.0));
    ModelAgreement agreement;
    agreement.neighbours = neighbours;
    agreement.perItem = neighbourOverlap(*knnA, *knnB);
    std::vector<double> sorted = agreement.perItem;
    std::sort(sorted.begin(), sorted.end());
    agreement.mean = std::accumulate(sorted.begin(), sorted.end(), 0.0) / static_cast<double>(n);
    agreement.median = sorted[n / 2];
    agreement.low = static_cast<std::size_t>(std::lower_bound(sorted.begin(), sorted.end(), kLowAgreement) - sorted.begin());
    return agreement;
}

MetadataColumn agreementColumn(const ModelAgreement& agreement, const std::string& name) {
    MetadataColumn column;
    column.name = name;
    column.numeric = true;
    for (const double x : agreement.perItem) {
        column.cells.push_back(std::to_string(x));
        column.numbers.push_back(x);
    }
    return column;
}

AlignedMap alignedMap(const Workspace& b, const ProjectionParams& params, const ReferenceMap& reference,
                      const LayoutCallback& callback) {
    LatentBatch coords;
    if (sameProjection(params, reference.params) && b.latents.dim == reference.latents.dim &&
        b.latents.values == reference.latents.values) {
        coords = reference.coords;  // its own map: a UMAP map anchored to itself would drift from it
    } else if (params.method == ProjectionMethod::Pca && b.coords(params.dims).count == b.latents.count) {
        coords = b.coords(params.dims);
    } else {
        // project() keeps the batch it is given alive with the map; this map keeps only its coordinates.
        auto latents = std::make_shared<const LatentBatch>(b.latents);
        const LayoutAnchor anchor =
            params.method == ProjectionMethod::Umap ? LayoutAnchor{&reference.coords, kUmapAnchorWeight} : LayoutAnchor{};
        coords = project(latents, params, callback, b.graphs.get(), anchor).coords;
    }
    AlignedMap aligned;
    aligned.alignment = alignMap(reference.coords, coords);
    aligned.coords = applyAlignment(coords, aligned.alignment);
    return aligned;
}

}  // namespace latent
