// Times our UMAP on the bundled model's latents of Fashion-MNIST and writes the latents,
// labels and our embedding as .npy files for bench_umap.py, which runs umap-learn on the
// same latents and scores both with the same trustworthiness code.
//
//   bench_umap --points 10000|70000 --threads 2 [--seed 42] --out /tmp/latent-umap-bench
//   bench_umap --input rows.npy --threads 2 --out DIR   (a float32 N x D array instead, e.g.
//                                                        pixels reduced by PCA; no labels)
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/Error.h"
#include "latent/core/Model.h"
#include "latent/core/NpyReader.h"
#include "latent/core/Umap.h"

namespace {

// A little-endian NumPy file of a 1-D or 2-D array ("<f4" or "<i4").
template <typename T>
void writeNpy(const std::filesystem::path& path, const std::vector<T>& values, std::size_t rows,
              std::size_t cols, const char* type) {
    std::string header = std::string("{'descr': '") + type +
                         "', 'fortran_order': False, 'shape': (" + std::to_string(rows) +
                         (cols ? ", " + std::to_string(cols) + "), }" : ",), }");
    header.append(64 - (10 + header.size() + 1) % 64, ' ');
    header.push_back('\n');
    std::ofstream out(path, std::ios::binary);
    out.write("\x93NUMPY\x01\x00", 8);
    const auto length = static_cast<std::uint16_t>(header.size());
    out.put(static_cast<char>(length & 0xff)).put(static_cast<char>(length >> 8));
    out << header;
    out.write(reinterpret_cast<const char*>(values.data()),
              static_cast<std::streamsize>(values.size() * sizeof(T)));
    if (!out) throw latent::Error(latent::ErrorKind::Io, "cannot write " + path.string());
}

double secondsSince(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// The bundled model's latents of the test split (and the train split for 70,000); the
// labels go to labels.npy.
latent::LatentBatch encodeFashionMnist(std::size_t points, const std::filesystem::path& outDir) {
    const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
    auto encode = [&](const std::string& split) {
        return latent::encodeDataset(*model,
                                     latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, split));
    };
    latent::LatentBatch latents = encode("test");
    std::vector<std::int32_t> labels;
    for (int l : latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test").labels)
        labels.push_back(l);
    if (points == 70000) {
        const auto train = encode("train");
        latents.values.insert(latents.values.end(), train.values.begin(), train.values.end());
        latents.count += train.count;
        for (int l : latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "train").labels)
            labels.push_back(l);
    }
    writeNpy(outDir / "labels.npy", labels, labels.size(), 0, "<i4");
    return latents;
}

// A float32 N x D .npy file as rows.
latent::LatentBatch readRows(const std::filesystem::path& path) {
    const latent::NumericArray array = latent::readNpyFile(path);
    if (array.type != latent::ElementType::Float32 || array.shape.size() != 2)
        throw latent::Error(latent::ErrorKind::BadFormat,
                            path.string() + " is not a float32 N x D array");
    latent::LatentBatch rows(array.shape[0], array.shape[1]);
    std::memcpy(rows.values.data(), array.bytes.data(), array.bytes.size());
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t points = 10000;
    int threads = 2;
    std::uint64_t seed = 42;
    std::filesystem::path outDir = "/tmp/latent-umap-bench";
    std::filesystem::path input;
    for (int i = 1; i + 1 < argc; i += 2) {
        const std::string flag = argv[i], value = argv[i + 1];
        if (flag == "--points")
            points = std::stoul(value);
        else if (flag == "--threads")
            threads = std::stoi(value);
        else if (flag == "--seed")
            seed = std::stoull(value);
        else if (flag == "--out")
            outDir = value;
        else if (flag == "--input")
            input = value;
        else {
            std::cerr << "unknown flag " << flag << "\n";
            return 2;
        }
    }
    if (input.empty() && points != 10000 && points != 70000) {
        std::cerr << "--points is 10000 (test split) or 70000 (train + test)\n";
        return 2;
    }
    try {
        std::filesystem::create_directories(outDir);
        latent::setInferenceThreads(threads);
        const latent::LatentBatch latents =
            input.empty() ? encodeFashionMnist(points, outDir) : readRows(input);
        writeNpy(outDir / "latents.npy", latents.values, latents.count, latents.dim, "<f4");

        latent::ProjectionParams params;
        params.method = latent::ProjectionMethod::Umap;
        params.threads = threads;
        params.seed = seed;
        // Phases from the callback: the kNN graph reports with an empty layout, the first
        // layout is the initialisation (fuzzy set + spectral), the rest is the SGD. Wall and
        // CPU time of each: on a shared machine the gap says how long the threads waited.
        const auto start = std::chrono::steady_clock::now();
        const std::clock_t cpuStart = std::clock();  // all threads of the process
        auto cpuSince = [](std::clock_t from) {
            return static_cast<double>(std::clock() - from) / CLOCKS_PER_SEC;
        };
        double graphSeconds = 0.0, graphCpu = 0.0, initSeconds = 0.0, initCpu = 0.0;
        const auto umap = latent::UmapModel::fit(
            latents, params, [&](const latent::LatentBatch& layout, double, const std::string&) {
                if (layout.count == 0) {
                    graphSeconds = secondsSince(start);
                    graphCpu = cpuSince(cpuStart);
                } else if (initSeconds == 0.0) {
                    initSeconds = secondsSince(start);
                    initCpu = cpuSince(cpuStart);
                }
                return true;
            });
        const double seconds = secondsSince(start);
        const double cpuSeconds = cpuSince(cpuStart);
        writeNpy(outDir / "ours.npy", umap.embedding().values, latents.count, 2, "<f4");
        std::fprintf(stderr,
                     "phase       wall (s)  CPU (s)\n"
                     "kNN graph   %8.2f %8.2f\n"
                     "fuzzy+init  %8.2f %8.2f\n"
                     "SGD         %8.2f %8.2f\n",
                     graphSeconds, graphCpu, initSeconds - graphSeconds, initCpu - graphCpu,
                     seconds - initSeconds, cpuSeconds - initCpu);
        std::printf(
            "{\"points\": %zu, \"dim\": %zu, \"threads\": %d, \"seconds\": %.3f, \"cpu_seconds\": "
            "%.3f, "
            "\"graph_and_init_seconds\": %.3f, \"init\": \"%s\"}\n",
            latents.count, latents.dim, threads, seconds, cpuSeconds, initSeconds,
            umap.initialisation().c_str());
    } catch (const std::exception& e) {
        std::cerr << "bench_umap: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
