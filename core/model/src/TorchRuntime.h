#pragma once
// The boundary between core and the model runtime: a shared library holding LibTorch
// (core/model/torch/, liblatent_torch.so) that core opens with dlopen the first time a
// model is needed. LibTorch's own start-up (static initialisation of its libraries) takes
// about 0.5 s on an idle 2-core machine and 2-3 s on a busy one; programs and commands that
// never open a model never pay it. Private to core/model.

#include <cstddef>
#include <filesystem>
#include <memory>
#include <vector>

#include "latent/core/Model.h"

namespace latent::detail {

// A model the runtime opened. Calls are serialised inside, so one may be shared by threads.
class LoadedModel {
public:
    virtual ~LoadedModel() = default;
    virtual const ModelInfo& info() const = 0;
    // As Model::encode; logvar is filled only when `keepLogvar` (it costs a copy).
    virtual EncodedBatch encode(const float* pixels, std::size_t n, bool keepLogvar) const = 0;
    virtual std::vector<Image> decode(const LatentBatch& latents) const = 0;
};

// What the runtime library provides.
class TorchRuntime {
public:
    virtual ~TorchRuntime() = default;
    // Model::load's contract (Model.h).
    virtual std::unique_ptr<LoadedModel> load(const std::filesystem::path& path) const = 0;
    // LibTorch's intra-op threads for the calling thread, OpenBLAS kept on one.
    virtual void setThreads(int threads) const = 0;
    virtual int threads() const = 0;
};

// The runtime library's one exported function. It returns nullptr when `abi` is not the
// runtime's own, i.e. the library was built with another version of this header.
inline constexpr const char* kTorchRuntimeEntry = "latent_torch_runtime";
inline constexpr int kTorchRuntimeAbi = 1;  // raise it whenever the classes above change
using TorchRuntimeEntry = const TorchRuntime* (*)(int abi);

// The runtime, opened on first use (thread-safe; later calls return at once). Throws
// Error(Io) naming the file when it is missing or cannot be opened.
const TorchRuntime& torchRuntime();
// The runtime if it is open already, else nullptr; never opens it.
const TorchRuntime* openedTorchRuntime();

}  // namespace latent::detail
