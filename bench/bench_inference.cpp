// Inference costs behind the walking skeleton: the decode a click triggers, batched
// encoding of the dataset (alone, and with each batch reconstructed and scored as the
// workspace does), the PCA fit, and picking a point on the map.
#include <benchmark/benchmark.h>

#include <array>
#include <cmath>

#include "latent/core/Dataset.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/ItemScores.h"
#include "latent/core/Model.h"
#include "latent/core/Pca.h"
#include "latent/core/ScreenPicker.h"

namespace {

const latent::Model& model() {
    static const auto m = latent::Model::load(LATENT_DEFAULT_MODEL);
    return *m;
}

const latent::Dataset& testSplit() {
    static const auto d = latent::loadMnistStyleSplit(LATENT_DEFAULT_DATA_DIR, "test");
    return d;
}

const latent::LatentBatch& latents() {
    static const auto z = latent::encodeDataset(model(), testSplit());
    return z;
}

void BM_DecodeOneClick(benchmark::State& state) {
    latent::setInferenceThreads(static_cast<int>(state.range(0)));
    latent::LatentBatch z(1, model().info().latentDim);
    const auto row = latents().row(1234);
    std::copy(row.begin(), row.end(), z.values.begin());
    for (auto _ : state) benchmark::DoNotOptimize(model().decode(z));
}
BENCHMARK(BM_DecodeOneClick)->Arg(1)->Arg(2)->Unit(benchmark::kMicrosecond)->UseRealTime();

void BM_EncodeTestSplit(benchmark::State& state) {
    latent::setInferenceThreads(static_cast<int>(state.range(0)));
    for (auto _ : state) benchmark::DoNotOptimize(latent::encodeDataset(model(), testSplit()));
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * testSplit().count));
}
BENCHMARK(BM_EncodeTestSplit)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

// What opening the test split costs with per-item reconstruction errors (issue 16: under
// 15% more than BM_EncodeTestSplit in the same run).
void BM_EncodeAndScoreReconstructionsTestSplit(benchmark::State& state) {
    latent::setInferenceThreads(static_cast<int>(state.range(0)));
    for (auto _ : state) {
        latent::ReconstructionErrors errors(testSplit().count, true);
        benchmark::DoNotOptimize(latent::encodeDatasetWithLogvar(
            model(), testSplit(), 256, {},
            [&](std::size_t first, const std::vector<float>& pixels, const latent::EncodedBatch& part) {
                errors.add(first, pixels, model().decode(part.mu));
            }));
        benchmark::DoNotOptimize(errors.mse().data());
    }
    state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * testSplit().count));
}
BENCHMARK(BM_EncodeAndScoreReconstructionsTestSplit)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

void BM_PcaFit2dAnd3d(benchmark::State& state) {
    for (auto _ : state) {
        benchmark::DoNotOptimize(latent::Pca::fit(latents(), 2));
        benchmark::DoNotOptimize(latent::Pca::fit(latents(), 3));
    }
}
BENCHMARK(BM_PcaFit2dAnd3d)->Unit(benchmark::kMillisecond);

void BM_PickOnScreen10k(benchmark::State& state) {
    const auto coords = latent::Pca::fit(latents(), 2).transform(latents());
    const std::array<double, 16> view = {0.3, 0, 0, 0, 0, 0.3, 0, 0, 0, 0, -0.1, 0, 0, 0, 0, 1};
    for (auto _ : state) {
        benchmark::DoNotOptimize(latent::pickNearestOnScreen(coords, view, 1000, 700, 512, 333, 6));
    }
}
BENCHMARK(BM_PickOnScreen10k)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
