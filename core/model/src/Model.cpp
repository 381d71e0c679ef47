#include "latent/core/Model.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "ModelMetadata.h"
#include "TorchRuntime.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

// Threads asked for before the runtime was open, applied when it opens; 0: none asked.
std::atomic<int> requestedThreads{0};

const detail::TorchRuntime& runtimeWithThreads() {
    const auto& runtime = detail::torchRuntime();
    if (const int threads = requestedThreads.load()) runtime.setThreads(threads);
    return runtime;
}

}  // namespace

Model::Model(std::unique_ptr<detail::LoadedModel> loaded) : loaded_(std::move(loaded)) {}
Model::~Model() = default;

std::shared_ptr<Model> Model::load(const std::filesystem::path& path) {
    // Checked here too, so a wrong path is reported without opening LibTorch first.
    std::error_code error;  // e.g. a name too long for the file system: not a crash
    if (!std::filesystem::is_regular_file(path, error)) {
        throw Error(ErrorKind::Io, "model file " + detail::quoted(path) + " does not exist");
    }
    return std::shared_ptr<Model>(new Model(runtimeWithThreads().load(path)));
}

const ModelInfo& Model::info() const {
    return loaded_->info();
}

LatentBatch Model::encode(const float* pixels, std::size_t n) const {
    return loaded_->encode(pixels, n, false).mu;
}

EncodedBatch Model::encodeWithLogvar(const float* pixels, std::size_t n) const {
    return loaded_->encode(pixels, n, true);
}

std::vector<Image> Model::decode(const LatentBatch& latents) const {
    return loaded_->decode(latents);
}

void loadModelRuntime() {
    runtimeWithThreads();
}

const char* modelRuntimeVersion() {
    return LATENT_TORCH_VERSION;
}

void setInferenceThreads(int threads) {
    threads = std::max(1, threads);
    requestedThreads.store(threads);
    if (const auto* runtime = detail::openedTorchRuntime()) runtime->setThreads(threads);
}

int inferenceThreads() {
    if (const auto* runtime = detail::openedTorchRuntime()) return runtime->threads();
    const int asked = requestedThreads.load();
    return asked ? asked : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace latent
