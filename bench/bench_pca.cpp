// PCA to 3-D of Fashion-MNIST's 70,000 raw images (784 pixels in [0, 1]): the target
// is under 1 s on 2 cores. bench/pca_vs_sklearn.sh runs this beside scikit-learn.
#include <benchmark/benchmark.h>

#include "latent/core/Dataset.h"
#include "latent/core/Pca.h"

namespace {

// Train + test, as floats in [0, 1] (the same values the sklearn script uses).
const latent::LatentBatch& pixels() {
    static const latent::LatentBatch data = [] {
        latent::LatentBatch out;
        for (const char* split : {"train", "test"}) {
            const auto d = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, split);
            const auto f = d.floatPixels(0, d.count);
            out.values.insert(out.values.end(), f.begin(), f.end());
            out.count += d.count;
            out.dim = d.shape.pixelCount();
        }
        return out;
    }();
    return data;
}

// Fit (randomized, chosen automatically for 784 columns) and project every image.
void BM_PcaTo3dFashionMnist70k(benchmark::State& state) {
    const auto& data = pixels();
    latent::PcaOptions options;
    options.threads = static_cast<int>(state.range(0));
    latent::Pca pca;
    for (auto _ : state) {
        pca = latent::Pca::fit(data, 3, options);
        benchmark::DoNotOptimize(pca.transform(data, options.threads));
    }
    const auto ratio = pca.explainedVarianceRatio();
    state.counters["evr1"] = ratio[0];
    state.counters["evr2"] = ratio[1];
    state.counters["evr3"] = ratio[2];
    state.counters["rows"] = static_cast<double>(data.count);
}
BENCHMARK(BM_PcaTo3dFashionMnist70k)
    ->Arg(1)
    ->Arg(2)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MeasureProcessCPUTime()  // CPU of all threads: comparable with the peer's on a busy machine
    ->Repetitions(5)
    ->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
