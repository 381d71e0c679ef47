#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <variant>
#include <vector>

#include "latent/core/InverseMap.h"
#include "latent/core/LatentAxes.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/LayoutAnchor.h"
#include "latent/core/NeighbourGraphs.h"
#include "latent/core/Pca.h"
#include "latent/core/Projection.h"
#include "latent/core/Umap.h"

namespace latent {

// A map position turned back into a latent.
struct DecodedPosition {
    std::vector<float> latent;
    bool exact = true;              // false: interpolated from nearby plotted points
    double spacingsFromData = 0.0;  // interpolated only: see InverseMap::Estimate
};

// One finished projection: the map and everything needed to decode any position on it.
struct ProjectionResult {
    ProjectionParams params;  // normalized(): only what affects this method
    LatentBatch coords;       // N x params.dims
    double seconds = 0.0;
    std::vector<double> explainedVarianceRatio;  // PCA: per component; empty otherwise
    // Linear maps invert exactly; the others through an InverseMap of their layout.
    std::variant<Pca, LatentAxes, InverseMap> inverse;
    // UMAP maps: the fitted model, whose transform places new latents.
    std::shared_ptr<const UmapModel> umap;

    // Throws Error(InvalidArgument) when `position` does not have params.dims values.
    DecodedPosition decode(std::span<const float> position) const;
    // Where a latent that is not a plotted point lands on the map, when the method can say
    // (PCA, latent axes); nullopt for layouts without a transform.
    std::optional<std::vector<float>> place(std::span<const float> latent) const;

    // How placeAll puts latents on this map.
    enum class Placement { Exact, UmapTransform, NearestData };
    Placement placement() const;
    // Where latents that are not plotted points land (N x params.dims): exactly on PCA and
    // latent-axes maps, by UmapModel::transform on UMAP maps, and on t-SNE and LLE maps
    // (no transform) by placeNearLatents. The last two take time (brute-force neighbours
    // among the data): run them off the UI thread. Throws Error(InvalidArgument) for
    // latents of the wrong size or NaN/Inf.
    LatentBatch placeAll(const LatentBatch& latents) const;
};

// `params` with every field the method ignores reset to its default, and latent axes cut to
// `dims`: equal results have equal normalized parameters (cache keys, titles).
ProjectionParams normalized(ProjectionParams params);

// Projects the latents (N x D) as `params` says. The callback gets the fraction done and,
// for iterative methods, the layout so far (an empty batch when there is none yet).
// Throws Error(InvalidArgument) for bad parameters or a method this build lacks,
// Error(Cancelled) when the callback returns false. UMAP takes its neighbour graph from
// `graphs` (the latents' graphs) when given, building it there when it is not yet. A UMAP
// layout stays arranged like `anchor`'s layout when one is given (LayoutAnchor.h); the other
// methods refuse one.
ProjectionResult project(std::shared_ptr<const LatentBatch> latents, const ProjectionParams& params,
                         const LayoutCallback& callback = {}, NeighbourGraphs* graphs = nullptr,
                         const LayoutAnchor& anchor = {});

// A PCA map computed elsewhere (e.g. while a workspace was built), as a result.
ProjectionResult pcaProjection(Pca pca, LatentBatch coords, const ProjectionParams& params,
                               double seconds);

// The result for a layout computed by a method without an inverse of its own (t-SNE, UMAP,
// LLE): the map decodes through an InverseMap of the layout (project() sets the seconds).
// Throws Error(InvalidArgument) when the layout does not have one row of params.dims values
// per latent.
ProjectionResult layoutProjection(std::shared_ptr<const LatentBatch> latents, LatentBatch layout,
                                  const ProjectionParams& params);

// Parses a command-line projection: "pca", "tsne", "umap", "lle" or "axes:I,J[,K]"
// (latent dimensions). Other fields come from `base`; "axes" also sets dims to the axis
// count. Throws Error(InvalidArgument) with the accepted forms.
ProjectionParams parseProjectionSpec(const std::string& spec, ProjectionParams base = {});

}  // namespace latent
