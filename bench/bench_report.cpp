// The report card of the bundled model on the 10,000-image test split (issue 16: the whole
// card in under 15 s on 2 cores). The workspace is built once, outside the timing.
#include <benchmark/benchmark.h>

#include "latent/core/Model.h"
#include "latent/core/ReportCardBuilder.h"
#include "latent/core/Workspace.h"

namespace {

const latent::WorkspaceRequest& request() {
    static const latent::WorkspaceRequest r{{LATENT_DEFAULT_MODEL, LATENT_DEFAULT_DATA_DIR, "test", 0}, 256, 2};
    return r;
}

const latent::Workspace& workspace() {
    static const latent::Workspace ws = [] {
        latent::setInferenceThreads(2);
        return latent::buildWorkspace(request());
    }();
    return ws;
}

void BM_ReportCardTestSplit(benchmark::State& state) {
    latent::setInferenceThreads(static_cast<int>(state.range(0)));
    latent::ReportOptions options;
    options.threads = static_cast<int>(state.range(0));
    for (auto _ : state) {
        benchmark::DoNotOptimize(latent::measureReportCard(workspace(), request().identity, options, latent::directDecode(workspace())));
    }
    state.counters["items"] = static_cast<double>(workspace().latents.count);
}
BENCHMARK(BM_ReportCardTestSplit)->Arg(2)->Iterations(3)->Unit(benchmark::kSecond)->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
