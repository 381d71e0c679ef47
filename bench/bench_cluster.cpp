// Leiden clusters of the 70,000 Fashion-MNIST latents (train and test splits encoded by the
// bundled model) on their UMAP neighbour graph, the graph built once outside the timing
// (issue 17: under 5 s on 2 cores). With --graph-out DIR it also writes the graph as .npy
// (rows, columns, weights) for bench/leidenalg_peer.py to cluster the same graph.
// BM_GraphBuild70k times what sharing the graph saves, BM_ClustersAfterUmap70k what finding
// clusters on a UMAP map's shared graph then costs (the map itself not timed).
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "latent/core/Clustering.h"
#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/Model.h"
#include "latent/core/NeighbourGraphs.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Umap.h"

namespace {

std::string graphOut;

const latent::LatentBatch& latents() {
    static const latent::LatentBatch all = [] {
        latent::setInferenceThreads(2);
        const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
        latent::LatentBatch z70k;
        for (const char* split : {"train", "test"}) {
            const latent::LatentBatch z = latent::encodeDataset(*model, latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, split));
            z70k.dim = z.dim;
            z70k.count += z.count;
            z70k.values.insert(z70k.values.end(), z.values.begin(), z.values.end());
        }
        return z70k;
    }();
    return all;
}

const latent::FuzzyGraph& graph() {
    static const latent::FuzzyGraph g = [] {
        latent::KnnOptions options;
        options.threads = 2;
        options.nnDescent = true;
        return latent::fuzzyNeighbourGraph(latent::buildKnnGraph(latents(), 14, options), 15, 2);
    }();
    return g;
}

void writeGraph(const std::filesystem::path& dir) {
    const latent::FuzzyGraph& g = graph();
    latent::LatentBatch rows(g.columns.size(), 1), columns(g.columns.size(), 1), weights(g.columns.size(), 1);
    for (std::size_t i = 0; i < g.count; ++i) {
        for (std::size_t e = g.rowStart[i]; e < g.rowStart[i + 1]; ++e) {
            rows.values[e] = static_cast<float>(i);  // exact: indices below 2^24
            columns.values[e] = static_cast<float>(g.columns[e]);
            weights.values[e] = g.weights[e];
        }
    }
    std::filesystem::create_directories(dir);
    latent::writeNpy(dir / "rows.npy", rows);
    latent::writeNpy(dir / "columns.npy", columns);
    latent::writeNpy(dir / "weights.npy", weights);
}

void BM_Leiden70k(benchmark::State& state) {
    latent::LeidenOptions options;
    latent::Clustering c;
    graph();  // built before the timing starts
    for (auto _ : state) {
        c = latent::leidenClusters(graph(), options);
        benchmark::DoNotOptimize(c.labels.data());
    }
    state.counters["items"] = static_cast<double>(graph().count);
    state.counters["clusters"] = static_cast<double>(c.clusters());
    state.counters["modularity"] = c.quality;
}
BENCHMARK(BM_Leiden70k)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();

// What a second builder of the graph would pay: the kNN search and fuzzy set, 2 threads.
void BM_GraphBuild70k(benchmark::State& state) {
    latents();
    for (auto _ : state) {
        latent::NeighbourGraphs graphs;
        benchmark::DoNotOptimize(graphs.get(latents(), 15, latent::Metric::Euclidean, 42, 2).get());
    }
}
BENCHMARK(BM_GraphBuild70k)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();

// Clusters found after a UMAP map of the same latents: the graph comes from the map's
// NeighbourGraphs, so only Leiden runs. `builds` counts the graphs built in all (1).
void BM_ClustersAfterUmap70k(benchmark::State& state) {
    latent::NeighbourGraphs graphs;
    latent::ProjectionParams umap;
    umap.method = latent::ProjectionMethod::Umap;
    umap.threads = 2;
    umap.iterations = 5;  // the layout does not matter here, only that UMAP built the graph
    latent::UmapModel::fit(latents(), umap, {}, &graphs);
    latent::Clustering c;
    for (auto _ : state) {
        const auto shared = graphs.get(latents(), umap.neighbours, umap.metric, umap.seed, 2);
        c = latent::leidenClusters(*shared, {});
        benchmark::DoNotOptimize(c.labels.data());
    }
    state.counters["builds"] = static_cast<double>(graphs.builds());
    state.counters["clusters"] = static_cast<double>(c.clusters());
}
BENCHMARK(BM_ClustersAfterUmap70k)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
    for (int i = 1; i + 1 < argc; ++i) {
        if (std::strcmp(argv[i], "--graph-out") == 0) graphOut = argv[i + 1];
    }
    benchmark::Initialize(&argc, argv);
    if (!graphOut.empty()) writeGraph(graphOut);
    benchmark::RunSpecifiedBenchmarks();
    return 0;
}
