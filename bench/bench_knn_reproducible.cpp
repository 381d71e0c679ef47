// What a reproducible HNSW kNN graph costs: the graph of the same latents built with
// parallel insertion (order varies between runs) and with insertion in index order (the
// same index every run), both queried with the same threads. Prints wall and CPU time of
// each (median of --repeats) and how many graph entries two builds of each kind disagree on.
//
//   bench_knn_reproducible --latents /tmp/latent-umap-bench/latents.npy --threads 2 [--k 14]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>
#include <vector>

#include "latent/core/ArrayConversion.h"
#include "latent/core/KnnGraph.h"
#include "latent/core/NpyReader.h"

namespace {

struct Timed {
    double wall = 0.0;
    double cpu = 0.0;
    latent::KnnGraph graph;
};

Timed build(const latent::LatentBatch& data, std::size_t k, int threads, bool reproducible) {
    latent::KnnOptions options;
    options.threads = threads;
    options.reproducibleIndex = reproducible;
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
        if (flag == "--latents") path = value;
        else if (flag == "--threads") threads = std::stoi(value);
        else if (flag == "--repeats") repeats = std::max(1, std::stoi(value));
        else if (flag == "--k") k = std::stoul(value);
        else {
            std::cerr << "unknown flag " << flag << "\n";
            return 2;
        }
    }
    try {
        const auto data = latent::latentsFromArray(latent::readNpyFile(path), path);
        std::printf("N = %zu, D = %zu, k = %zu, %d threads, median of %d\n", data.count, data.dim, k, threads,
                    repeats);
        std::printf("| insertion | wall (s) | CPU (s) | entries differing between two builds |\n|---|---:|---:|---:|\n");
        for (bool reproducible : {false, true}) {
            std::vector<double> wall, cpu;
            std::vector<latent::KnnGraph> graphs;
            for (int r = 0; r < std::max(2, repeats); ++r) {
                Timed t = build(data, k, threads, reproducible);
                wall.push_back(t.wall);
                cpu.push_back(t.cpu);
                graphs.push_back(std::move(t.graph));
            }
            std::printf("| %s | %.2f | %.2f | %zu of %zu |\n", reproducible ? "in index order" : "parallel",
                        median(wall), median(cpu), differences(graphs[0], graphs[1]), graphs[0].indices.size());
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_knn_reproducible: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
