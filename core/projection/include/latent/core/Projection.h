#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "latent/core/KnnGraph.h"
#include "latent/core/LatentBatch.h"

namespace latent {

// How latents become map coordinates. Every method is deterministic for a fixed seed
// and thread count, reports progress, and can be cancelled.
enum class ProjectionMethod { Pca, Tsne, Umap, Lle, LatentAxes };

const char* toString(ProjectionMethod method);

// How t-SNE computes its repulsion (Tsne.h): Auto picks by map dimensions and size.
enum class TsneRepulsion { Auto, BarnesHut, Interpolation };

const char* toString(TsneRepulsion repulsion);

struct ProjectionParams {
    ProjectionMethod method = ProjectionMethod::Pca;
    int dims = 2;             // 2 or 3
    std::uint64_t seed = 42;
    int threads = 1;
    Metric metric = Metric::Euclidean;
    int iterations = 0;       // 0: the method's default
    // t-SNE
    double perplexity = 30.0;
    double earlyExaggeration = 12.0;
    double learningRate = 0.0;  // 0: max(N / earlyExaggeration / 4, 50), as in the literature
    double theta = 0.5;         // Barnes-Hut accuracy
    TsneRepulsion tsneRepulsion = TsneRepulsion::Auto;
    // UMAP and LLE
    int neighbours = 15;
    double minDist = 0.1;
    // Latent axes: which latent dimensions to show (dims of them)
    std::vector<int> axes;

    bool operator==(const ProjectionParams&) const = default;
};

// The ranges the methods accept: the command line and session files check against them.
namespace param_limits {
inline constexpr int kMaxThreads = 64;
inline constexpr int kMaxIterations = 100000;
inline constexpr int kMinNeighbours = 2;
inline constexpr int kMaxNeighbours = 1000;
inline constexpr double kMaxMinDist = 10.0;
}  // namespace param_limits

// One line for titles and logs, e.g. "t-SNE 2D, perplexity 30, seed 42".
std::string describe(const ProjectionParams& params);

// Called every few iterations with the layout so far (for progressive display), the
// fraction done and a message. Returning false cancels: the method then throws
// Error(ErrorKind::Cancelled).
using LayoutCallback =
    std::function<bool(const LatentBatch& layout, double fraction, const std::string& message)>;

}  // namespace latent
