// libFuzzer target: a model's metadata, as an embedded meta.json and as a manifest (with
// its "meta" object). Accepted metadata must describe a model the app can show.
#include <unistd.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "FuzzCommon.h"
#include "ModelMetadata.h"

namespace {

// The manifest reader takes a file: one in /dev/shm, removed when the fuzzer exits.
struct ScratchManifest {
    std::filesystem::path folder =
        std::filesystem::path("/dev/shm") / ("latent-fuzz-model-" + std::to_string(::getpid()));
    ScratchManifest() {
        std::filesystem::create_directories(folder);
        std::ofstream(folder / "decoder.pt") << "named by the seeds";
    }
    ~ScratchManifest() {
        std::error_code ignored;
        std::filesystem::remove_all(folder, ignored);
    }
};

const std::filesystem::path& manifestFile() {
    static const ScratchManifest scratch;
    static const auto file = scratch.folder / "model.json";
    return file;
}

void checkDescribable(const latent::ModelInfo& info) {
    const bool ok = info.latentDim <= latent::kMaxLatentDim && std::isfinite(info.valueMin) &&
                    std::isfinite(info.valueMax) && info.valueMin < info.valueMax &&
                    info.imageShape.height <= latent::kMaxImageSide && info.imageShape.width <= latent::kMaxImageSide;
    if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    runReader([&] {
        latent::ModelInfo info;
        latent::detail::applyMeta(latent::detail::parseEmbeddedMeta(text, "fuzz.pt"), "meta.json", info);
        checkDescribable(info);
    });
    {
        std::ofstream out(manifestFile(), std::ios::binary | std::ios::trunc);
        out << text;
    }
    return runReader([&] {
        const auto manifest = latent::detail::readManifest(manifestFile());
        latent::ModelInfo info;
        if (!manifest.meta.is_null()) latent::detail::applyMeta(manifest.meta, "manifest meta", info);
        checkDescribable(info);
    });
}
