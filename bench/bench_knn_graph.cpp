// The projections' kNN graph three ways on the same latents: HNSW with parallel insertion
// (its index varies between runs), HNSW inserting in index order (reproducible, what the
// projections used before NN-descent), and NN-descent (reproducible for any thread count).
// Prints wall and CPU time (median of --repeats), recall against the exact graph on a
// sample of rows, and how many entries two builds of the same kind disagree on.
//
//   bench_knn_graph --latents /tmp/latent-umap-bench/latents.npy --threads 2 [--k 14]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "latent/core/ArrayConversion.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/NeighbourIndex.h"
#include "latent/core/NpyReader.h"

namespace {

struct Timed {
    double wall = 0.0;
    double cpu = 0.0;
    latent::KnnGraph graph;
};

Timed build(const latent::LatentBatch& data, std::size_t k, const latent::KnnOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    const std::clock_t cpuStart = std::clock();
    Timed t;
    t.graph = latent::buildKnnGraph(data, k, options);
    t.wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    t.cpu = static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC;
    return t;
}

std::size_t differences(const latent::KnnGraph& a, const latent::KnnGraph& b) {
    std::size_t n = 0;
    for (std::size_t e = 0; e < a.indices.size(); ++e) n += a.indices[e] != b.indices[e];
    return n;
}

// The exact neighbours of every `stride`-th row, by brute force.
std::vector<std::vector<std::uint32_t>> exactSample(const latent::LatentBatch& data, std::size_t k,
                                                    std::size_t stride) {
    latent::KnnOptions exact;
    exact.exactBelow = data.count;
    const auto index = latent::NeighbourIndex::build(data, exact);
    std::vector<std::vector<std::uint32_t>> truth;
    for (std::size_t i = 0; i < data.count; i += stride) {
        std::vector<std::uint32_t> ids;
        for (const auto& n : index.nearest(data.row(i), k, i)) ids.push_back(n.index);
        truth.push_back(std::move(ids));
    }
    return truth;
}

double recall(const latent::KnnGraph& g, const std::vector<std::vector<std::uint32_t>>& truth,
              std::size_t stride) {
    std::size_t hits = 0, total = 0;
    for (std::size_t s = 0; s < truth.size(); ++s) {
        const std::uint32_t* found = g.neighbours(s * stride);
        for (std::uint32_t j : truth[s]) hits += std::find(found, found + g.k, j) != found + g.k;
        total += truth[s].size();
    }
    return static_cast<double>(hits) / static_cast<double>(total);
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = "/tmp/latent-umap-bench/latents.npy";
    int threads = 2, repeats = 3;
    std::size_t k = 14;  // UMAP's default n_neighbors 15, self excluded
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--latents")
            path = value;
        else if (flag == "--threads")
            threads = std::stoi(value);
        else if (flag == "--repeats")
            repeats = std::max(1, std::stoi(value));
        else if (flag == "--k")
            k = std::stoul(value);
        else {
            std::cerr << "unknown flag " << flag << "\n";
            return 2;
        }
    }
    try {
        const auto data = latent::latentsFromArray(latent::readNpyFile(path), path);
        const std::size_t stride = std::max<std::size_t>(1, data.count / 2000);
        const auto truth = exactSample(data, k, stride);
        std::printf("N = %zu, D = %zu, k = %zu, %d threads, median of %d, recall on %zu rows\n",
                    data.count, data.dim, k, threads, repeats, truth.size());
        std::printf(
            "| graph | wall (s) | CPU (s) | recall | entries differing between two builds |\n"
            "|---|---:|---:|---:|---:|\n");
        struct Kind {
            const char* name;
            bool reproducibleIndex, nnDescent;
            std::size_t efConstruction;
        };
        for (const Kind kind :
             {Kind{"HNSW, parallel insertion", false, false, 100},
              Kind{"HNSW, index order", true, false, 100}, Kind{"NN-descent", false, true, 0}}) {
            latent::KnnOptions options;
            options.threads = threads;
            options.reproducibleIndex = kind.reproducibleIndex;
            options.nnDescent = kind.nnDescent;
            if (kind.efConstruction) options.hnswEfConstruction = kind.efConstruction;
            std::vector<double> wall, cpu;
            std::vector<latent::KnnGraph> graphs;
            for (int r = 0; r < std::max(2, repeats); ++r) {
                Timed t = build(data, k, options);
                wall.push_back(t.wall);
                cpu.push_back(t.cpu);
                graphs.push_back(std::move(t.graph));
            }
            std::printf("| %s | %.2f | %.2f | %.4f | %zu of %zu |\n", kind.name, median(wall),
                        median(cpu), recall(graphs[0], truth, stride),
                        differences(graphs[0], graphs[1]), graphs[0].indices.size());
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_knn_graph: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
