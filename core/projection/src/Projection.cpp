#include "latent/core/Projection.h"

#include <sstream>

namespace latent {

const char* toString(ProjectionMethod method) {
    switch (method) {
        case ProjectionMethod::Pca: return "PCA";
        case ProjectionMethod::Tsne: return "t-SNE";
        case ProjectionMethod::Umap: return "UMAP";
        case ProjectionMethod::Lle: return "LLE";
        case ProjectionMethod::LatentAxes: return "Latent axes";
    }
    return "?";
}

const char* toString(TsneRepulsion repulsion) {
    switch (repulsion) {
        case TsneRepulsion::Auto: return "automatic repulsion";
        case TsneRepulsion::BarnesHut: return "Barnes-Hut";
        case TsneRepulsion::Interpolation: return "interpolated repulsion";
    }
    return "?";
}

std::string describe(const ProjectionParams& p) {
    std::ostringstream out;
    out << toString(p.method) << ' ' << p.dims << 'D';
    switch (p.method) {
        case ProjectionMethod::Tsne:
            out << ", perplexity " << p.perplexity << ", seed " << p.seed;
            if (p.tsneRepulsion != TsneRepulsion::Auto) out << ", " << toString(p.tsneRepulsion);
            break;
        case ProjectionMethod::Umap:
            out << ", " << p.neighbours << " neighbours, min_dist " << p.minDist << ", seed " << p.seed;
            break;
        case ProjectionMethod::Lle: out << ", " << p.neighbours << " neighbours"; break;
        case ProjectionMethod::LatentAxes: {
            out << ", dims";
            for (int a : p.axes) out << ' ' << a;
            break;
        }
        case ProjectionMethod::Pca: break;
    }
    if (p.metric == Metric::Cosine && p.method != ProjectionMethod::Pca) out << ", cosine";
    return out.str();
}

}  // namespace latent
