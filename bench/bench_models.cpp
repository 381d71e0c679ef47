// Model inference costs, printed as one line per measurement so that a Python PyTorch
// peer (bench/models_peer.py) can print the same lines in the same run
// (bench/run_model_bench.sh). Usage: bench_models THREADS MODEL.pt [MODEL.pt ...]
// The first model is also timed encoding the Fashion-MNIST test split.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <random>
#include <string>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/InferenceEngine.h"
#include "latent/core/Model.h"

namespace {

using Clock = std::chrono::steady_clock;

double msSince(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    return v[static_cast<std::size_t>(q * static_cast<double>(v.size() - 1))];
}

latent::LatentBatch normalLatents(std::size_t n, std::size_t dim, unsigned seed) {
    latent::LatentBatch z(n, dim);
    std::mt19937 random(seed);
    std::normal_distribution<float> normal;
    for (float& v : z.values) v = normal(random);
    return z;
}

void decodeOne(const std::string& label, const latent::Model& model) {
    const auto z = normalLatents(1100, model.info().latentDim, 1);
    std::vector<double> ms;
    for (std::size_t i = 0; i < z.count; ++i) {
        latent::LatentBatch one(1, z.dim);
        std::copy(z.row(i).begin(), z.row(i).end(), one.values.begin());
        const auto start = Clock::now();
        (void)model.decode(one);
        if (i >= 100) ms.push_back(msSince(start));  // the first 100 warm up
    }
    std::printf("%-14s decode-one    p50 %.3f ms  p99 %.3f ms\n", label.c_str(), percentile(ms, 0.5),
                percentile(ms, 0.99));
}

// The same single decodes through the engine's worker (request -> result callback),
// every latent new so the cache never answers: what a slider drag costs end to end.
void decodeOneLive(const std::string& label, const std::shared_ptr<const latent::Model>& model) {
    std::mutex mutex;
    std::condition_variable done;
    std::uint64_t arrived = 0;
    latent::InferenceEngine engine([&](latent::LiveResult r) {
        std::lock_guard lock(mutex);
        arrived = r.id;
        done.notify_one();
    });
    engine.setModel(model);
    engine.setThreads(latent::inferenceThreads());  // the worker applies it on its own thread
    const auto z = normalLatents(1100, model->info().latentDim, 2);
    std::vector<double> ms;
    for (std::size_t i = 0; i < z.count; ++i) {
        const auto start = Clock::now();
        const auto id = engine.requestLive({z.row(i).begin(), z.row(i).end()});
        std::unique_lock lock(mutex);
        done.wait(lock, [&] { return arrived == id; });
        if (i >= 100) ms.push_back(msSince(start));
    }
    std::printf("%-14s decode-live   p50 %.3f ms  p99 %.3f ms  (InferenceEngine round trip)\n",
                label.c_str(), percentile(ms, 0.5), percentile(ms, 0.99));
}

void decodeBatches(const std::string& label, const latent::Model& model) {
    const auto z = normalLatents(64, model.info().latentDim, 3);
    (void)model.decode(z);
    const int rounds = 60;
    const auto start = Clock::now();
    for (int r = 0; r < rounds; ++r) (void)model.decode(z);
    const double seconds = msSince(start) / 1000.0;
    std::printf("%-14s decode-batch64  %.0f images/s\n", label.c_str(), rounds * 64 / seconds);
}

void encodeTestSplit(const std::string& label, const latent::Model& model) {
    const auto data = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    std::vector<double> seconds;
    for (int r = 0; r < 3; ++r) {
        const auto start = Clock::now();
        (void)latent::encodeDataset(model, data, 256);
        seconds.push_back(msSince(start) / 1000.0);
    }
    std::printf("%-14s encode-test   %.0f images/s  (10,000 images, batches of 256, median of 3)\n",
                label.c_str(), static_cast<double>(data.count) / percentile(seconds, 0.5));
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: bench_models THREADS MODEL.pt [MODEL.pt ...]\n");
        return 2;
    }
    latent::setInferenceThreads(std::atoi(argv[1]));
    std::printf("C++ LibTorch, %d intra-op thread(s)\n", latent::inferenceThreads());
    for (int i = 2; i < argc; ++i) {
        const auto model = latent::Model::load(argv[i]);
        const std::string label = model->info().path.stem().string();
        decodeOne(label, *model);
        decodeOneLive(label, model);
        decodeBatches(label, *model);
        if (i == 2) encodeTestSplit(label, *model);
    }
    return 0;
}
