#include <dlfcn.h>

#include <atomic>
#include <cstdlib>
#include <mutex>
#include <string>
#include <system_error>
#include <vector>

#include "ModelMetadata.h"
#include "TorchRuntime.h"
#include "latent/core/Error.h"

namespace latent::detail {
namespace {

constexpr const char* kFileName = "liblatent_torch.so";
constexpr const char* kFolder = "lib/latent-explorer";

// Where the runtime may be: $LATENT_TORCH_RUNTIME when set; else <prefix>/lib/latent-explorer/
// for a program in <prefix>/bin/, and <build>/lib/latent-explorer/ in a build tree, whose
// programs sit one to three folders below <build>. So: that folder, searched upwards from
// the program's own folder. No build path is compiled in.
std::vector<std::filesystem::path> candidateFiles() {
    if (const char* file = std::getenv("LATENT_TORCH_RUNTIME"); file && *file) return {file};
    std::vector<std::filesystem::path> files;
    std::error_code error;
    auto dir = std::filesystem::read_symlink("/proc/self/exe", error).parent_path();
    for (int up = 0; up < 4 && !dir.empty(); ++up) {
        files.push_back(dir / kFolder / kFileName);
        if (dir == dir.root_path()) break;
        dir = dir.parent_path();
    }
    return files;
}

const TorchRuntime* open() {
    const auto files = candidateFiles();
    for (const auto& file : files) {
        if (!std::filesystem::exists(file)) continue;
        // RTLD_GLOBAL: LibTorch and OpenBLAS look symbols up in the global scope (the
        // runtime finds openblas_set_num_threads that way). Never closed: models, their
        // images and the exceptions they throw point into it.
        void* handle = dlopen(file.c_str(), RTLD_NOW | RTLD_GLOBAL);
        if (!handle) {
            throw Error(ErrorKind::Io, "cannot load the model runtime " + quoted(file) + " (LibTorch)",
                        dlerror());
        }
        const auto entry = reinterpret_cast<TorchRuntimeEntry>(dlsym(handle, kTorchRuntimeEntry));
        const TorchRuntime* runtime = entry ? entry(kTorchRuntimeAbi) : nullptr;
        if (!runtime) {
            throw Error(ErrorKind::Io, "the model runtime " + quoted(file) +
                                           " belongs to another build of Latent Explorer: reinstall it");
        }
        return runtime;
    }
    std::string searched = "searched:";
    for (const auto& file : files) searched += "\n  " + file.string();
    throw Error(ErrorKind::Io,
                std::string("the model runtime ") + kFileName +
                    " (LibTorch) is missing, so no model can be opened: reinstall Latent Explorer",
                searched);
}

std::atomic<const TorchRuntime*> opened{nullptr};
std::mutex opening;  // a failed open may be retried, which std::call_once does not allow well

}  // namespace

const TorchRuntime& torchRuntime() {
    if (const auto* runtime = opened.load(std::memory_order_acquire)) return *runtime;
    std::lock_guard lock(opening);
    if (!opened.load(std::memory_order_relaxed)) opened.store(open(), std::memory_order_release);
    return *opened.load(std::memory_order_relaxed);
}

const TorchRuntime* openedTorchRuntime() {
    return opened.load(std::memory_order_acquire);
}

}  // namespace latent::detail
