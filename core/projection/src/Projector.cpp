#include "latent/core/Projector.h"

#include "Lle.h"
#include "latent/core/Tsne.h"
#include "latent/core/Umap.h"

#include <chrono>
#include <cmath>
#include <sstream>

#include "latent/core/Error.h"

namespace latent {
namespace {

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

ProgressFn asProgress(const LayoutCallback& callback) {
    if (!callback) return {};
    return [callback](double fraction, const std::string& message) {
        return callback(LatentBatch{}, fraction, message);
    };
}

void checkInput(const std::shared_ptr<const LatentBatch>& latents, const ProjectionParams& p) {
    if (!latents || latents->count < 2 || latents->dim == 0) {
        throw Error(ErrorKind::InvalidArgument, "a projection needs at least 2 latents");
    }
    if (p.dims != 2 && p.dims != 3) {
        throw Error(ErrorKind::InvalidArgument,
                    "a map has 2 or 3 dimensions, not " + std::to_string(p.dims));
    }
    if (p.threads < 1) throw Error(ErrorKind::InvalidArgument, "a projection needs at least 1 thread");
}

ProjectionResult projectPca(const std::shared_ptr<const LatentBatch>& latents,
                            const ProjectionParams& p, const LayoutCallback& callback) {
    const auto dims = static_cast<std::size_t>(p.dims);
    if (latents->dim < dims) {
        throw Error(ErrorKind::InvalidArgument,
                    "a " + std::to_string(dims) + "D PCA map needs a latent of at least " +
                        std::to_string(dims) + " dimensions; this one has " +
                        std::to_string(latents->dim));
    }
    PcaOptions options;
    options.threads = p.threads;
    options.seed = p.seed;
    Pca pca = Pca::fit(*latents, dims, options, asProgress(callback));
    LatentBatch coords = pca.transform(*latents, p.threads);
    return pcaProjection(std::move(pca), std::move(coords), p, 0.0);
}

ProjectionResult projectOnAxes(const std::shared_ptr<const LatentBatch>& latents,
                               const ProjectionParams& p) {
    if (p.axes.size() != static_cast<std::size_t>(p.dims)) {
        throw Error(ErrorKind::InvalidArgument,
                    "a " + std::to_string(p.dims) + "D latent-axes map needs " +
                        std::to_string(p.dims) + " axes, got " + std::to_string(p.axes.size()));
    }
    ProjectionResult r;
    r.params = p;
    LatentAxes axes = LatentAxes::fit(*latents, p.axes);
    r.coords = axes.transform(*latents);
    r.inverse = std::move(axes);
    return r;
}

}  // namespace

DecodedPosition ProjectionResult::decode(std::span<const float> position) const {
    if (position.size() != static_cast<std::size_t>(params.dims)) {
        throw Error(ErrorKind::InvalidArgument,
                    "a position on a " + std::to_string(params.dims) + "D map needs " +
                        std::to_string(params.dims) + " values, got " + std::to_string(position.size()));
    }
    if (const auto* pca = std::get_if<Pca>(&inverse)) return {pca->inverse(position), true, 0.0};
    if (const auto* axes = std::get_if<LatentAxes>(&inverse)) return {axes->inverse(position), true, 0.0};
    auto estimate = std::get<InverseMap>(inverse).decode(position);
    return {std::move(estimate.latent), false, estimate.spacingsFromData};
}

std::optional<std::vector<float>> ProjectionResult::place(std::span<const float> latent) const {
    if (const auto* pca = std::get_if<Pca>(&inverse)) return pca->transform(latent);
    if (const auto* axes = std::get_if<LatentAxes>(&inverse)) return axes->transform(latent);
    return std::nullopt;
}

ProjectionResult::Placement ProjectionResult::placement() const {
    if (!std::holds_alternative<InverseMap>(inverse)) return Placement::Exact;
    return umap ? Placement::UmapTransform : Placement::NearestData;
}

LatentBatch ProjectionResult::placeAll(const LatentBatch& latents) const {
    switch (placement()) {
        case Placement::UmapTransform:
            return umap->transform(latents);
        case Placement::NearestData:
            return placeNearLatents(coords, std::get<InverseMap>(inverse).latents(), latents);
        case Placement::Exact:
            break;
    }
    LatentBatch placed(latents.count, static_cast<std::size_t>(params.dims));
    for (std::size_t i = 0; i < latents.count; ++i) {
        const auto at = place(latents.row(i));
        if (!at || at->size() != placed.dim) {
            throw Error(
                ErrorKind::InvalidArgument,
                "latents of size " + std::to_string(latents.dim) + " cannot be placed on this map");
        }
        std::copy(at->begin(), at->end(), placed.row(i).begin());
    }
    return placed;
}

ProjectionParams normalized(ProjectionParams p) {
    const ProjectionParams d;
    const auto m = p.method;
    using M = ProjectionMethod;
    if (m == M::LatentAxes) {
        p.seed = d.seed;
        p.threads = d.threads;
        if (p.axes.size() > static_cast<std::size_t>(p.dims)) p.axes.resize(static_cast<std::size_t>(p.dims));
    } else {
        p.axes.clear();
    }
    if (m == M::Pca || m == M::LatentAxes) {
        p.metric = d.metric;
        p.iterations = d.iterations;
    }
    if (m != M::Tsne) {
        p.perplexity = d.perplexity;
        p.earlyExaggeration = d.earlyExaggeration;
        p.learningRate = d.learningRate;
        p.theta = d.theta;
        p.tsneRepulsion = d.tsneRepulsion;
    }
    if (m != M::Umap && m != M::Lle) p.neighbours = d.neighbours;
    if (m != M::Umap) p.minDist = d.minDist;
    return p;
}

ProjectionResult project(std::shared_ptr<const LatentBatch> latents, const ProjectionParams& params,
                         const LayoutCallback& callback, NeighbourGraphs* graphs, const LayoutAnchor& anchor) {
    const ProjectionParams p = normalized(params);
    checkInput(latents, p);
    if (anchor.given() && p.method != ProjectionMethod::Umap) {
        throw Error(ErrorKind::InvalidArgument, describe(p) + ": only UMAP layouts take an anchor");
    }
    const auto start = std::chrono::steady_clock::now();
    ProjectionResult result = [&] {
        switch (p.method) {
            case ProjectionMethod::Pca: return projectPca(latents, p, callback);
            case ProjectionMethod::LatentAxes: return projectOnAxes(latents, p);
            case ProjectionMethod::Tsne:
                return layoutProjection(latents, runTsne(*latents, p, callback), p);
            case ProjectionMethod::Umap: {
                auto model =
                    std::make_shared<const UmapModel>(UmapModel::fit(*latents, p, callback, graphs, anchor));
                ProjectionResult r = layoutProjection(latents, model->embedding(), p);
                r.umap = std::move(model);
                return r;
            }
            case ProjectionMethod::Lle:
                return layoutProjection(latents, runLle(*latents, p, callback), p);
        }
        throw Error(ErrorKind::InvalidArgument, "unknown projection method");
    }();
    result.seconds = secondsSince(start);
    return result;
}

ProjectionResult pcaProjection(Pca pca, LatentBatch coords, const ProjectionParams& params,
                               double seconds) {
    ProjectionResult r;
    r.params = params;
    r.params.method = ProjectionMethod::Pca;
    r.params = normalized(r.params);
    r.coords = std::move(coords);
    r.seconds = seconds;
    r.explainedVarianceRatio = pca.explainedVarianceRatio();
    r.inverse = std::move(pca);
    return r;
}

ProjectionResult layoutProjection(std::shared_ptr<const LatentBatch> latents, LatentBatch layout,
                                  const ProjectionParams& params) {
    if (layout.dim != static_cast<std::size_t>(params.dims)) {
        throw Error(ErrorKind::InvalidArgument,
                    "a " + std::to_string(params.dims) + "D map needs " + std::to_string(params.dims) +
                        " columns, the layout has " + std::to_string(layout.dim));
    }
    ProjectionResult r;
    r.params = normalized(params);
    r.inverse = InverseMap(layout, std::move(latents));
    r.coords = std::move(layout);
    return r;
}

ProjectionParams parseProjectionSpec(const std::string& spec, ProjectionParams base) {
    const auto colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    const std::string usage = "projection \"" + spec +
                              "\" not understood: use pca, tsne, umap, lle or axes:I,J[,K]";
    if (name == "pca") base.method = ProjectionMethod::Pca;
    else if (name == "tsne") base.method = ProjectionMethod::Tsne;
    else if (name == "umap") base.method = ProjectionMethod::Umap;
    else if (name == "lle") base.method = ProjectionMethod::Lle;
    else if (name == "axes") base.method = ProjectionMethod::LatentAxes;
    else throw Error(ErrorKind::InvalidArgument, usage);
    if (base.method != ProjectionMethod::LatentAxes) {
        if (colon != std::string::npos) throw Error(ErrorKind::InvalidArgument, usage);
        return base;
    }
    if (colon == std::string::npos) throw Error(ErrorKind::InvalidArgument, usage);
    base.axes.clear();
    std::istringstream list(spec.substr(colon + 1));
    std::string item;
    while (std::getline(list, item, ',')) {
        std::size_t used = 0;
        int axis = -1;
        try {
            axis = std::stoi(item, &used);
        } catch (const std::exception&) {
            throw Error(ErrorKind::InvalidArgument, usage);
        }
        if (used != item.size() || axis < 0) throw Error(ErrorKind::InvalidArgument, usage);
        base.axes.push_back(axis);
    }
    if (base.axes.size() != 2 && base.axes.size() != 3) throw Error(ErrorKind::InvalidArgument, usage);
    base.dims = static_cast<int>(base.axes.size());
    return base;
}

}  // namespace latent
