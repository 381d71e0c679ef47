#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"

namespace latent {

// The prior a generator samples from: standard normal, or uniform in [-1, 1].
enum class LatentPrior { StandardNormal, Uniform };
const char* toString(LatentPrior prior);  // meta.json's names: "standard_normal", "uniform"

// Where a model's latent size and image shape came from.
// The order of a model's colour channels; images in core are grey or RGB.
enum class ColourOrder { Gray, Rgb, Bgr };
const char* toString(ColourOrder order);  // meta.json's names: "gray", "rgb", "bgr"

enum class MetadataSource { Probed, EmbeddedMeta, Manifest };
const char* toString(MetadataSource source);  // "probed", "embedded meta.json", "manifest"

// What a loaded model is, from its metadata (embedded meta.json or a manifest) and from
// probing it.
struct ModelInfo {
    std::filesystem::path path;         // the .pt file, or the manifest of a pair
    std::filesystem::path encoderPath;  // a pair's encoder file; empty for one file
    std::string name;
    std::string description;
    std::size_t latentDim = 0;
    ImageShape imageShape;
    float valueMin = 0.0f;  // the model's pixel range; images in core are always [0, 1]
    float valueMax = 1.0f;
    // Stated by the metadata, or inferred from the decoder's channels: a loaded model always
    // has one.
    std::optional<ColourOrder> colourOrder;
    LatentPrior prior = LatentPrior::StandardNormal;  // for sampling
    std::vector<std::string> classNames;
    // Where in its training run a checkpoint was saved, when its metadata says.
    std::optional<std::int64_t> epoch;
    std::optional<std::int64_t> step;
    bool hasEncoder = false;
    bool variationalEncoder = false;  // encode returns (mu, logvar)
    MetadataSource metadataSource = MetadataSource::Probed;
    // Fields no metadata stated, found by probing: "latent_dim", "image_shape", and
    // "value_range" when negative outputs made the app assume [-1, 1].
    std::vector<std::string> probedFields;
    bool probed(const std::string& field) const {
        return std::find(probedFields.begin(), probedFields.end(), field) != probedFields.end();
    }
    // What the probe decodes showed that the user should know, one sentence each (e.g.
    // NaN or Inf outputs); the model still loads.
    std::vector<std::string> warnings;
    std::int64_t parameterCount = 0;
    double loadSeconds = 0.0;
};

// A VAE's posterior for a batch: mu is the point; logvar is empty for plain autoencoders.
struct EncodedBatch {
    LatentBatch mu;
    LatentBatch logvar;
};

// The largest latent size and image side the app accepts from a file's metadata: keeps
// a hostile file from making it allocate without bound.
inline constexpr std::size_t kMaxLatentDim = 1024;
inline constexpr int kMaxImageSide = 4096;

namespace detail {
class LoadedModel;  // the model runtime's side of a Model
}

// A TorchScript model that follows the model contract (docs/models.md). LibTorch stays
// behind this class, in a runtime library opened the first time a model is loaded (see
// loadModelRuntime). Calls are serialised internally, so one Model may be shared by
// threads; each call sets up its own inference-mode guard.
class Model {
public:
    // `path` is a TorchScript file, or a JSON manifest naming an encoder and a decoder.
    // Throws latent::Error: Io (missing file or model runtime), BadFormat (not TorchScript / not JSON),
    // Truncated, ModelContract (the file breaks the contract); the message names the file
    // and what was expected.
    static std::shared_ptr<Model> load(const std::filesystem::path& path);

    ~Model();
    Model(const Model&) = delete;
    Model& operator=(const Model&) = delete;

    const ModelInfo& info() const;

    // `pixels`: n images of info().imageShape as floats in [0, 1], CHW. Returns the latent
    // points (mu for a VAE). Throws Error(ModelContract) when there is no encoder.
    LatentBatch encode(const float* pixels, std::size_t n) const;
    // As encode, keeping a VAE's logvar too (empty when the encoder returns one tensor).
    EncodedBatch encodeWithLogvar(const float* pixels, std::size_t n) const;

    // Decodes each row of `latents` to an image in [0, 1]. Non-finite outputs are
    // replaced by 0 and flagged on the image rather than failing the batch.
    std::vector<Image> decode(const LatentBatch& latents) const;

private:
    explicit Model(std::unique_ptr<detail::LoadedModel> loaded);
    std::unique_ptr<detail::LoadedModel> loaded_;
};

// Opens the model runtime (LibTorch) now if it is not open yet. Its start-up takes about
// 0.5 s on an idle 2-core machine, so the GUI calls this on a background thread while its
// window paints; the first Model::load opens it otherwise. Throws Error(Io) when the
// runtime library is missing.
void loadModelRuntime();
// The LibTorch version the runtime was built against ("1.13.0"), without opening it.
const char* modelRuntimeVersion();

// Intra-op threads LibTorch uses for inference. With OpenMP builds this is a setting of
// the calling thread: call it on the thread that runs the model. Before the runtime is
// open the number is kept and applied on the thread that opens it.
// Also keeps OpenBLAS, if it is the BLAS in use, on one thread (see TorchRuntime.cpp for why).
void setInferenceThreads(int threads);
int inferenceThreads();

}  // namespace latent
