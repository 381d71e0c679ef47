#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"

namespace latent {

// What a loaded model is, from its embedded meta.json and from probing it.
struct ModelInfo {
    std::filesystem::path path;
    std::string name;
    std::string description;
    std::size_t latentDim = 0;
    ImageShape imageShape;
    float valueMin = 0.0f;  // the model's pixel range; images in core are always [0, 1]
    float valueMax = 1.0f;
    std::vector<std::string> classNames;
    bool hasEncoder = false;
    bool variationalEncoder = false;  // encode returns (mu, logvar)
    std::string metadataSource;       // "embedded meta.json" or "probed"
    std::int64_t parameterCount = 0;
    double loadSeconds = 0.0;
};

// A TorchScript model that follows the model contract (docs/models.md). LibTorch stays
// behind this class. Calls are serialised internally, so one Model may be shared by
// threads; each call sets up its own inference-mode guard.
class Model {
public:
    // Throws latent::Error(ModelContract or Io) with a message naming the file and what
    // was expected.
    static std::shared_ptr<Model> load(const std::filesystem::path& path);

    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    const ModelInfo& info() const;

    // `pixels`: n images of info().imageShape as floats in [0, 1], CHW. Returns the latent
    // points (mu for a VAE). Throws Error(ModelContract) when there is no encoder.
    LatentBatch encode(const float* pixels, std::size_t n) const;

    // Decodes each row of `latents` to an image in [0, 1]. Non-finite outputs are
    // replaced by 0 and flagged on the image rather than failing the batch.
    std::vector<Image> decode(const LatentBatch& latents) const;

private:
    struct Impl;
    explicit Model(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// Intra-op threads LibTorch uses for inference (process-wide).
void setInferenceThreads(int threads);
int inferenceThreads();

}  // namespace latent
