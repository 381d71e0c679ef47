// Leiden clusters of the 70,000 Fashion-MNIST latents (train and test splits encoded by the
// bundled model) on their UMAP neighbour graph, the graph built once outside the timing
// (issue 17: under 5 s on 2 cores). With --graph-out DIR it also writes the graph as .npy
// (rows, columns, weights) for bench/leidenalg_peer.py to cluster the same graph.
#include <benchmark/benchmark.h>

#include <cstring>
#include <filesystem>
#include <string>

#include "latent/core/Clustering.h"
#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/Model.h"
#include "latent/core/NpyWriter.h"

namespace {

std::string graphOut;

const latent::FuzzyGraph& graph() {
    static const latent::FuzzyGraph g = [] {
        latent::setInferenceThreads(2);
        const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
        latent::LatentBatch all;
        for (const char* split : {"train", "test"}) {
            const latent::LatentBatch z = latent::encodeDataset(*model, latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, split));
            all.dim = z.dim;
            all.count += z.count;
            all.values.insert(all.values.end(), z.values.begin(), z.values.end());
        }
        latent::KnnOptions options;
        options.threads = 2;
        options.nnDescent = true;
        return latent::fuzzyNeighbourGraph(latent::buildKnnGraph(all, 14, options), 15, 2);
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
