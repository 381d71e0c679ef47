// Command-line harness for bench/projection_peers.py: encodes Fashion-MNIST with the bundled
// model, runs our t-SNE on a .npy file and scores layouts with our trustworthiness, so the
// Python script can time scikit-learn on the very same inputs and score both alike.
//
//   bench_tsne encode --split test|all --out Z.npy [--threads N]
//   bench_tsne tsne --in X.npy --out Y.npy [--threads N] [--seed S] [--dims 2|3]
//                   [--repulsion auto|barnes-hut|interpolation] [--iterations N]
//   bench_tsne trust --high X.npy --low Y.npy [--k 15] [--sample 10000] [--threads N]
//
// Each mode prints one JSON line on stdout.
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <fstream>
#include <iostream>
#include <map>
#include <regex>
#include <stdexcept>
#include <string>

#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/Model.h"
#include "latent/core/ProjectionQuality.h"
#include "latent/core/Tsne.h"

namespace {

using Options = std::map<std::string, std::string>;

std::string option(const Options& o, const std::string& name, const std::string& fallback = {}) {
    const auto it = o.find(name);
    if (it != o.end()) return it->second;
    if (fallback.empty()) throw std::runtime_error("missing --" + name);
    return fallback;
}

// A 2-D little-endian float32 C-order .npy file (format 1.0), as numpy.save writes it.
latent::LatentBatch readNpy(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char start[10];
    if (!in.read(start, 10) || std::string(start + 1, 5) != "NUMPY" || start[6] != 1) {
        throw std::runtime_error(path + ": not a version 1.0 .npy file");
    }
    const std::size_t headerLength =
        static_cast<unsigned char>(start[8]) |
        (static_cast<std::size_t>(static_cast<unsigned char>(start[9])) << 8);
    std::string header(headerLength, '\0');
    in.read(header.data(), static_cast<std::streamsize>(headerLength));
    std::smatch m;
    if (header.find("'<f4'") == std::string::npos ||
        header.find("'fortran_order': False") == std::string::npos ||
        !std::regex_search(header, m, std::regex(R"(\((\d+), (\d+)\))"))) {
        throw std::runtime_error(path + ": expected a 2-D float32 C-order array, header " + header);
    }
    latent::LatentBatch out(std::stoul(m[1]), std::stoul(m[2]));
    const auto bytes = static_cast<std::streamsize>(out.values.size() * sizeof(float));
    if (!in.read(reinterpret_cast<char*>(out.values.data()), bytes))
        throw std::runtime_error(path + ": truncated");
    return out;
}

void writeNpy(const std::string& path, const latent::LatentBatch& data) {
    std::string header = "{'descr': '<f4', 'fortran_order': False, 'shape': (" +
                         std::to_string(data.count) + ", " + std::to_string(data.dim) + "), }";
    header.append(64 - (10 + header.size() + 1) % 64, ' ');  // pad so the data is aligned
    header += '\n';
    std::ofstream out(path, std::ios::binary);
    out.write("\x93NUMPY\x01\x00", 8);
    const char length[2] = {static_cast<char>(header.size() & 0xff),
                            static_cast<char>(header.size() >> 8)};
    out.write(length, 2);
    out << header;
    out.write(reinterpret_cast<const char*>(data.values.data()),
              static_cast<std::streamsize>(data.values.size() * sizeof(float)));
    if (!out) throw std::runtime_error(path + ": could not write");
}

latent::LatentBatch concatenate(const latent::LatentBatch& a, const latent::LatentBatch& b) {
    latent::LatentBatch out(a.count + b.count, a.dim);
    std::copy(a.values.begin(), a.values.end(), out.values.begin());
    std::copy(b.values.begin(), b.values.end(),
              out.values.begin() + static_cast<std::ptrdiff_t>(a.values.size()));
    return out;
}

// Test split first, then train: the order projection_peers.py uses for the pixels too.
void encode(const Options& o) {
    latent::setInferenceThreads(std::stoi(option(o, "threads", "2")));
    const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
    const std::string split = option(o, "split", "test");
    auto z =
        latent::encodeDataset(*model, latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test"));
    if (split == "all") {
        z = concatenate(z, latent::encodeDataset(*model, latent::loadMnistStyleSplit(
                                                             LATENT_DEFAULT_DATA_DIR, "train")));
    }
    writeNpy(option(o, "out"), z);
    std::cout << "{\"count\": " << z.count << ", \"dim\": " << z.dim << "}\n";
}

latent::TsneRepulsion repulsion(const std::string& name) {
    if (name == "auto") return latent::TsneRepulsion::Auto;
    if (name == "barnes-hut") return latent::TsneRepulsion::BarnesHut;
    if (name == "interpolation") return latent::TsneRepulsion::Interpolation;
    throw std::runtime_error("--repulsion must be auto, barnes-hut or interpolation, not " + name);
}

// Wall and CPU time (all threads of the process) since construction.
struct Stopwatch {
    std::chrono::steady_clock::time_point wallStart = std::chrono::steady_clock::now();
    std::clock_t cpuStart = std::clock();
    double wall() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - wallStart).count();
    }
    double cpu() const { return static_cast<double>(std::clock() - cpuStart) / CLOCKS_PER_SEC; }
};

void tsne(const Options& o) {
    const auto x = readNpy(option(o, "in"));
    latent::ProjectionParams p;
    p.method = latent::ProjectionMethod::Tsne;
    p.threads = std::stoi(option(o, "threads", "2"));
    p.seed = std::stoull(option(o, "seed", "42"));
    p.dims = std::stoi(option(o, "dims", "2"));
    p.iterations = std::stoi(option(o, "iterations", "1000"));
    p.tsneRepulsion = repulsion(option(o, "repulsion", "auto"));
    // The first report of an iteration (the 10th) splits the run: the gradient's time is
    // extrapolated from there to all iterations, the rest is neighbours and affinities.
    const Stopwatch clock;
    double wallAt10 = -1.0, cpuAt10 = 0.0;
    auto split = [&](const latent::LatentBatch&, double, const std::string& message) {
        if (wallAt10 < 0.0 && message.find("iteration") != std::string::npos) {
            wallAt10 = clock.wall();
            cpuAt10 = clock.cpu();
        }
        return true;
    };
    const auto y = latent::runTsne(x, p, split);
    const double wall = clock.wall(), cpu = clock.cpu();
    const double perRest = p.iterations / std::max(1.0, p.iterations - 10.0);
    const double gradient = (wall - wallAt10) * perRest, gradientCpu = (cpu - cpuAt10) * perRest;
    writeNpy(option(o, "out"), y);
    std::cout << "{\"seconds\": " << wall << ", \"cpu_seconds\": " << cpu
              << ", \"neighbours_affinities_seconds\": " << wall - gradient
              << ", \"gradient_seconds\": " << gradient
              << ", \"gradient_cpu_seconds\": " << gradientCpu
              << ", \"ms_per_iteration\": " << 1000.0 * gradient / p.iterations << "}\n";
}

void trust(const Options& o) {
    const auto high = readNpy(option(o, "high"));
    const auto low = readNpy(option(o, "low"));
    const auto k = std::stoul(option(o, "k", "15"));
    const auto sample = std::stoul(option(o, "sample", "10000"));
    const int threads = std::stoi(option(o, "threads", "2"));
    std::cout.precision(6);
    std::cout << "{\"trustworthiness\": "
              << latent::trustworthiness(high, low, k, sample, 1, threads)
              << ", \"knn_preservation\": "
              << latent::knnPreservation(high, low, k, sample, 1, threads)
              << ", \"exact\": " << (sample >= high.count ? "true" : "false") << "}\n";
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: bench_tsne encode|tsne|trust --option value ...\n";
        return 2;
    }
    Options options;
    for (int a = 2; a + 1 < argc; a += 2) {
        std::string name = argv[a];
        if (name.rfind("--", 0) == 0) name = name.substr(2);
        options[name] = argv[a + 1];
    }
    try {
        const std::string mode = argv[1];
        if (mode == "encode") {
            encode(options);
        } else if (mode == "tsne") {
            tsne(options);
        } else if (mode == "trust") {
            trust(options);
        } else {
            throw std::runtime_error("unknown mode " + mode);
        }
    } catch (const std::exception& e) {
        std::cerr << "bench_tsne: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
