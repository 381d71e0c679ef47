// The model runtime library's entry point: what core reaches through dlopen (see
// core/model/src/TorchRuntime.h).

#include <ATen/Parallel.h>
#include <dlfcn.h>

#include <algorithm>

#include "TorchModel.h"
#include "TorchRuntime.h"

namespace latent::detail {
namespace {

// Debian's LibTorch reaches OpenBLAS through libblas.so.3, and OpenBLAS keeps a thread pool
// of its own (one thread per core) that at::set_num_threads does not govern. Both pools
// together oversubscribe the cores: encoding the 10,000 test images took 209 ms with 2
// LibTorch threads and 2 OpenBLAS threads, 121 ms with OpenBLAS on one. And a single
// decode hands half of each matrix-vector product to an OpenBLAS thread that a busy core
// may not run for a while: while a t-SNE ran, a slider step waited p95 14 ms for its
// image instead of 4 (bench_inference, bench_slider_paint).
void keepBlasSingleThreaded() {
    using SetThreads = void (*)(int);
    if (auto set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads")))
        set(1);
}

class LibTorchRuntime final : public TorchRuntime {
public:
    std::unique_ptr<LoadedModel> load(const std::filesystem::path& path) const override {
        return loadTorchModel(path);
    }
    void setThreads(int threads) const override {
        at::set_num_threads(std::max(1, threads));
        keepBlasSingleThreaded();
    }
    int threads() const override { return at::get_num_threads(); }
};

}  // namespace
}  // namespace latent::detail

extern "C" __attribute__((visibility("default"))) const latent::detail::TorchRuntime*
latent_torch_runtime(int abi) {
    static const latent::detail::LibTorchRuntime runtime;
    return abi == latent::detail::kTorchRuntimeAbi ? &runtime : nullptr;
}
