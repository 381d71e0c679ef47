#include "latent/core/ProjectionParamsJson.h"

#include <cstdint>
#include <limits>
#include <string>

#include "EnumNames.h"
#include "latent/core/JsonFields.h"
#include "latent/core/Model.h"

namespace latent {
namespace {

using nlohmann::json;
namespace fields = json_fields;
namespace limits = param_limits;

constexpr EnumNames<ProjectionMethod> kMethods[] = {{ProjectionMethod::Pca, "pca"},
                                                    {ProjectionMethod::Tsne, "tsne"},
                                                    {ProjectionMethod::Umap, "umap"},
                                                    {ProjectionMethod::Lle, "lle"},
                                                    {ProjectionMethod::LatentAxes, "latent-axes"}};
constexpr EnumNames<Metric> kMetrics[] = {{Metric::Euclidean, "euclidean"}, {Metric::Cosine, "cosine"}};
constexpr EnumNames<TsneRepulsion> kRepulsions[] = {{TsneRepulsion::Auto, "auto"},
                                                    {TsneRepulsion::BarnesHut, "barnes-hut"},
                                                    {TsneRepulsion::Interpolation, "interpolation"}};
template <typename Enum, std::size_t N>
std::vector<std::string> namesIn(const EnumNames<Enum> (&table)[N]) {
    std::vector<std::string> names;
    for (const auto& e : table) names.emplace_back(e.name);
    return names;
}
}  // namespace

std::vector<std::string> metricNames() {
    return namesIn(kMetrics);
}

Metric metricNamed(const std::string& name) {
    return valueOf(kMetrics, name, "metric");
}

std::vector<std::string> tsneRepulsionNames() {
    return namesIn(kRepulsions);
}

TsneRepulsion tsneRepulsionNamed(const std::string& name) {
    return valueOf(kRepulsions, name, "t-SNE repulsion");
}

json projectionToJson(const ProjectionParams& p) {
    return {{"method", nameOf(kMethods, p.method)}, {"dims", p.dims}, {"seed", p.seed},
            {"threads", p.threads}, {"metric", nameOf(kMetrics, p.metric)},
            {"iterations", p.iterations}, {"perplexity", p.perplexity},
            {"early_exaggeration", p.earlyExaggeration}, {"learning_rate", p.learningRate},
            {"theta", p.theta}, {"tsne_repulsion", nameOf(kRepulsions, p.tsneRepulsion)},
            {"neighbours", p.neighbours}, {"min_dist", p.minDist},
            {"axes", p.axes}};
}

ProjectionParams projectionFromJson(const json& j) {
    constexpr double kLargest = std::numeric_limits<double>::max();
    ProjectionParams p;
    p.method = valueOf(kMethods, j.at("method").get<std::string>(), "projection method");
    p.dims = fields::integer(j.at("dims"), "dims", 2, 3);
    p.seed = fields::integer<std::uint64_t>(j.at("seed"), "seed", 0, UINT64_MAX);
    p.threads = fields::integer(j, "threads", 1, limits::kMaxThreads, p.threads);
    p.metric = metricNamed(j.value("metric", std::string("euclidean")));
    p.iterations = fields::integer(j, "iterations", 0, limits::kMaxIterations, p.iterations);
    p.perplexity = fields::number(j, "perplexity", std::numeric_limits<double>::min(), kLargest, p.perplexity);
    p.earlyExaggeration = fields::number(j, "early_exaggeration", 1.0, kLargest, p.earlyExaggeration);
    p.learningRate = fields::number(j, "learning_rate", 0.0, kLargest, p.learningRate);
    p.theta = fields::number(j, "theta", 0.0, 1.0, p.theta);
    p.tsneRepulsion = tsneRepulsionNamed(j.value("tsne_repulsion", std::string("auto")));
    p.neighbours = fields::integer(j, "neighbours", limits::kMinNeighbours, limits::kMaxNeighbours, p.neighbours);
    p.minDist = fields::number(j, "min_dist", 0.0, limits::kMaxMinDist, p.minDist);
    if (j.contains("axes")) {
        const json& axes = j.at("axes");
        if (!axes.is_array() || axes.size() > 3) fields::outOfRange("axes", "up to 3 latent dimensions");
        p.axes.clear();
        for (const json& axis : axes) {
            p.axes.push_back(fields::integer(axis, "axes", 0, static_cast<int>(kMaxLatentDim) - 1));
        }
    }
    return p;
}

}  // namespace latent
