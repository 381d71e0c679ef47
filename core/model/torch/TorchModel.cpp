#include "TorchModel.h"

#include <torch/script.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <mutex>

#include "ModelMetadata.h"
#include "ProbeOutputs.h"
#include "TorchFailure.h"
#include "TorchModuleFile.h"
#include "latent/core/Error.h"
#include "latent/core/PriorSampler.h"

namespace latent::detail {
namespace {

std::string shapeText(const at::Tensor& t) {
    std::string s = "[";
    for (std::int64_t d = 0; d < t.dim(); ++d) s += (d ? ", " : "") + std::to_string(t.size(d));
    return s + "]";
}

// The method a module decodes with: decode(z), else forward(z).
std::string decodeMethodOf(const torch::jit::Module& module, const std::filesystem::path& path) {
    if (module.find_method("decode")) return "decode";
    if (module.find_method("forward")) return "forward";
    contractError(path,
                  "has neither a decode(z) nor a forward(z) method, so it cannot make "
                  "images (see docs/models.md)");
}

// Seeds the prior samples decoded at load, so a model always loads the same way.
constexpr std::uint64_t kProbeSeed = 15;

// Turns a LibTorch failure while running `what` ("decode") into Error(Inference).
auto inferenceFailure(const std::string& what) {
    return [what](const std::string& summary, const std::string& text) {
        return Error(ErrorKind::Inference, what + " failed: " + summary, text);
    };
}

// A loaded TorchScript model's modules and what loading learnt about them.
struct TorchModelState {
    mutable std::mutex mutex;  // TorchScript modules are not documented as re-entrant
    mutable torch::jit::Module decoder;
    mutable torch::jit::Module encoder;  // the decoder's module itself for one file
    std::string decodeMethod;
    std::string encodeMethod;  // "" without an encoder
    std::string metaOrigin = "the metadata";  // "meta.json" or "manifest meta" once read
    bool valueRangeStated = false;            // by the metadata
    ModelInfo info;

    at::Tensor runDecode(const at::Tensor& z) const {
        auto out = decoder.get_method(decodeMethod)({z});
        if (!out.isTensor()) contractError(info.path, decodeMethod + "(z) did not return a tensor");
        return out.toTensor();
    }

    // Returns mu and (for a VAE) logvar; logvar is undefined for a plain encoder.
    std::pair<at::Tensor, at::Tensor> runEncode(const at::Tensor& x) const {
        auto out = encoder.get_method(encodeMethod)({x});
        if (out.isTensor()) return {out.toTensor(), {}};
        if (out.isTuple()) {
            const auto& items = out.toTupleRef().elements();
            if (items.size() == 2 && items[0].isTensor() && items[1].isTensor()) {
                return {items[0].toTensor(), items[1].toTensor()};
            }
        }
        contractError(info.path, "encode(x) must return a tensor or a (mu, logvar) tuple");
    }

    // Takes what a meta object states; `origin` names it in messages.
    void applyMeta(const nlohmann::json& meta, const std::string& origin, MetadataSource source) {
        detail::applyMeta(meta, origin, info);
        info.metadataSource = source;
        metaOrigin = origin;
        valueRangeStated = meta.contains("value_range");
    }

    // Fills in the latent size when no metadata states it, from the decoder's weights.
    void probeLatentDim() {
        if (info.latentDim != 0) return;
        const auto dim = detail::latentSizeFromWeights(decoder, decodeMethod);
        if (!dim || *dim < 1 || *dim > static_cast<std::int64_t>(kMaxLatentDim)) {
            contractError(info.path,
                          "the latent size is unknown: no meta.json gives latent_dim "
                          "and no linear or convolution layer in " +
                              decodeMethod +
                              " reveals it. Add \"latent_dim\" to meta.json "
                              "(tools/export_model.py does)");
        }
        info.latentDim = static_cast<std::size_t>(*dim);
        info.probedFields.push_back("latent_dim");
    }

    // Decodes a zero latent to learn the image shape and check it against the metadata.
    // Returns the image.
    at::Tensor probeImageShape() {
        const at::Tensor out = detail::callTorch(
            [&] {
                return runDecode(torch::zeros({1, static_cast<std::int64_t>(info.latentDim)}));
            },
            [&](const std::string& summary, const std::string& text) {
                return zeroLatentFailure(summary, text);
            });
        if (out.dim() != 4 || out.size(0) != 1) {
            contractError(info.path, decodeMethod +
                                         "(z) must return a 4-D image batch [N, C, H, W], "
                                         "got " +
                                         shapeText(out) + " for one latent");
        }
        const ImageShape probed{static_cast<int>(out.size(1)), static_cast<int>(out.size(2)),
                                static_cast<int>(out.size(3))};
        if (info.imageShape.pixelCount() != 0 && !(info.imageShape == probed)) {
            contractError(info.path, "the metadata says images are " +
                                         detail::shapeText(info.imageShape) + " but " +
                                         decodeMethod + " returns " + detail::shapeText(probed));
        }
        if (probed.channels != 1 && probed.channels != 3) {
            contractError(info.path, decodeMethod + " returns images with " +
                                         std::to_string(probed.channels) +
                                         " channels; the app shows 1 (grey) or 3 (RGB)");
        }
        if (info.imageShape.pixelCount() == 0) info.probedFields.push_back("image_shape");
        info.imageShape = probed;
        if (!info.colourOrder) info.colourOrder = probed.channels == 1 ? ColourOrder::Gray : ColourOrder::Rgb;
        return out;
    }

    // Why decoding a zero latent failed: a latent size the metadata states that the
    // decoder's weights contradict, else LibTorch's own reason.
    Error zeroLatentFailure(const std::string& summary, const std::string& text) const {
        const bool stated = !info.probed("latent_dim");
        const auto expected = detail::latentSizeFromWeights(decoder, decodeMethod);
        const auto dim = static_cast<std::int64_t>(info.latentDim);
        if (stated && expected && *expected != dim) {
            return detail::contractFailure(
                info.path,
                metaOrigin + " says latent_dim is " + std::to_string(dim) +
                    ", but the decoder's first layer takes " + std::to_string(*expected) +
                    ": set latent_dim to " + std::to_string(*expected) + " (see docs/models.md)",
                text);
        }
        return detail::contractFailure(info.path,
                                       decodeMethod + " failed on a zero latent of size " +
                                           std::to_string(dim) + " (latent_dim): " + summary,
                                       text);
    }

    // Decodes prior samples besides the zero latent's image `zeroImage` and looks at all
    // of them for NaN/Inf and (without a stated range) negative values.
    void probeOutputs(const at::Tensor& zeroImage) {
        const LatentBatch z = samplePrior(info, detail::kProbeSamples, kProbeSeed);
        auto latents =
            torch::from_blob(const_cast<float*>(z.values.data()),
                             {static_cast<std::int64_t>(z.count), static_cast<std::int64_t>(z.dim)},
                             torch::kFloat32);
        const at::Tensor samples =
            detail::callTorch([&] { return runDecode(latents); },
                              [&](const std::string& summary, const std::string& text) {
                                  return detail::contractFailure(
                                      info.path,
                                      decodeMethod + " failed on a batch of " +
                                          std::to_string(z.count) + " prior samples: " + summary,
                                      text);
                              });
        if (samples.dim() != 4 || samples.size(0) != static_cast<std::int64_t>(z.count) ||
            samples[0].sizes() != zeroImage[0].sizes()) {
            contractError(info.path, decodeMethod + " returns " + shapeText(samples) + " for " +
                                         std::to_string(z.count) + " latents, not " +
                                         std::to_string(z.count) + " images of " +
                                         detail::shapeText(info.imageShape));
        }
        detail::inspectProbeOutputs(torch::cat({zeroImage, samples}), valueRangeStated, info);
    }

    // Encodes a zero image of the decoder's shape and checks the latent size agrees.
    void checkEncoder() {
        const auto& s = info.imageShape;
        const auto [mu, logvar] = detail::callTorch(
            [&] {
                return runEncode(torch::zeros({1, s.channels, s.height, s.width}));
            },
            [&](const std::string& summary, const std::string& text) {
                return detail::contractFailure(
                    info.path,
                    "encode(x) fails on an image of the decoder's shape " + detail::shapeText(s) +
                        ": " + summary,
                    text);
            });
        info.variationalEncoder = logvar.defined();
        if (mu.dim() != 2 || static_cast<std::size_t>(mu.size(1)) != info.latentDim) {
            contractError(info.path, "the encoder returns latents of shape " + shapeText(mu) +
                                         " but the decoder's latent size is " +
                                         std::to_string(info.latentDim));
        }
    }

    // Encodes n images in [0, 1]; copies logvar out only when asked (it costs a copy).
    EncodedBatch encode(const float* pixels, std::size_t n, bool keepLogvar) const {
        if (!info.hasEncoder) {
            throw Error(ErrorKind::ModelContract,
                        "model " + quoted(info.path) + " has no encoder: it can only decode");
        }
        EncodedBatch out{LatentBatch(n, info.latentDim), {}};
        if (keepLogvar && info.variationalEncoder) out.logvar = LatentBatch(n, info.latentDim);
        if (n == 0) return out;
        const auto& s = info.imageShape;
        std::lock_guard lock(mutex);
        c10::InferenceMode guard;
        auto x = torch::from_blob(const_cast<float*>(pixels),
                                  {static_cast<std::int64_t>(n), s.channels, s.height, s.width},
                                  torch::kFloat32);
        if (info.valueMin != 0.0f ||
            info.valueMax != 1.0f) {  // [0, 1] models take pixels as they are
            x = x * (info.valueMax - info.valueMin) + info.valueMin;
        }
        toModelChannelOrder(x);
        const auto result =
            detail::callTorch([&] { return runEncode(x); }, inferenceFailure("encode"));
        const auto copyInto = [&](at::Tensor t, LatentBatch& into) {
            t = t.to(torch::kFloat32).contiguous();
            if (t.numel() != static_cast<std::int64_t>(into.values.size())) {
                throw Error(ErrorKind::ModelContract, "encode returned " + shapeText(t) + " for " +
                                                          std::to_string(n) + " images");
            }
            std::copy_n(t.data_ptr<float>(), into.values.size(), into.values.begin());
        };
        copyInto(result.first, out.mu);
        if (keepLogvar && info.variationalEncoder && result.second.defined())
            copyInto(result.second, out.logvar);
        return out;
    }

    // Swaps R and B of planar data in place when the model works in BGR.
    void toModelChannelOrder(at::Tensor& t) const {
        if (info.colourOrder == ColourOrder::Bgr && t.size(1) == 3) t = t.flip({1});
    }
};

// A loaded TorchScript model: the runtime's side of a Model.
class TorchModel final : public LoadedModel {
public:
    const ModelInfo& info() const override { return state.info; }
    EncodedBatch encode(const float* pixels, std::size_t n, bool keepLogvar) const override {
        return state.encode(pixels, n, keepLogvar);
    }
    std::vector<Image> decode(const LatentBatch& latents) const override;

    TorchModelState state;
};

std::vector<Image> TorchModel::decode(const LatentBatch& latents) const {
    const ModelInfo& info = state.info;
    if (latents.dim != info.latentDim) {
        throw Error(ErrorKind::InvalidArgument, "latent size " + std::to_string(latents.dim) +
                                                    " does not match the model's " +
                                                    std::to_string(info.latentDim));
    }
    std::vector<Image> images(latents.count);
    if (latents.count == 0) return images;
    at::Tensor y;
    {
        std::lock_guard lock(state.mutex);
        c10::InferenceMode guard;
        auto z = torch::from_blob(
            const_cast<float*>(latents.values.data()),
            {static_cast<std::int64_t>(latents.count), static_cast<std::int64_t>(latents.dim)},
            torch::kFloat32);
        y = detail::callTorch([&] { return state.runDecode(z); }, inferenceFailure("decode"))
                .to(torch::kFloat32);
        state.toModelChannelOrder(y);
        y = y.contiguous();
    }
    const std::size_t stride = info.imageShape.pixelCount();
    if (static_cast<std::size_t>(y.numel()) != stride * latents.count) {
        throw Error(ErrorKind::ModelContract, "decode returned " + shapeText(y) + " for " +
                                                  std::to_string(latents.count) + " latents");
    }
    const float* src = y.data_ptr<float>();
    const float scale = 1.0f / (info.valueMax - info.valueMin);
    for (std::size_t i = 0; i < latents.count; ++i) {
        Image& img = images[i];
        img.shape = info.imageShape;
        img.pixels.resize(stride);
        for (std::size_t p = 0; p < stride; ++p) {
            const float v = src[i * stride + p];
            if (!std::isfinite(v)) {
                img.hadNonFinite = true;
                img.pixels[p] = 0.0f;
            } else {
                img.pixels[p] = std::clamp((v - info.valueMin) * scale, 0.0f, 1.0f);
            }
        }
    }
    return images;
}

}  // namespace

std::unique_ptr<LoadedModel> loadTorchModel(const std::filesystem::path& path) {
    const auto start = std::chrono::steady_clock::now();
    std::error_code error;  // e.g. a name too long for the file system: not a crash
    if (!std::filesystem::is_regular_file(path, error)) {
        throw Error(ErrorKind::Io, "model file " + quoted(path) + " does not exist");
    }
    auto model = std::make_unique<TorchModel>();
    TorchModelState& state = model->state;
    ModelInfo& info = state.info;
    info.path = path;
    info.name = path.stem().string();
    c10::InferenceMode guard;
    std::string metaJson;
    if (path.extension() == ".json") {
        const auto manifest = detail::readManifest(path);
        state.decoder = detail::loadTorchModule(manifest.decoder, metaJson);
        if (!manifest.meta.is_null()) {
            state.applyMeta(manifest.meta, "manifest meta", MetadataSource::Manifest);
        }
        if (!manifest.encoder.empty()) {
            std::string encoderMeta;
            state.encoder = detail::loadTorchModule(manifest.encoder, encoderMeta);
            state.encodeMethod = state.encoder.find_method("encode") ? "encode" : "forward";
            info.encoderPath = manifest.encoder;
        }
    } else {
        state.decoder = detail::loadTorchModule(path, metaJson);
        state.encoder = state.decoder;
        if (state.decoder.find_method("encode")) state.encodeMethod = "encode";
    }
    if (info.metadataSource == MetadataSource::Probed && !metaJson.empty()) {
        state.applyMeta(detail::parseEmbeddedMeta(metaJson, path), "meta.json",
                        MetadataSource::EmbeddedMeta);
    }
    state.decodeMethod = decodeMethodOf(state.decoder, path);
    if (state.encodeMethod == "forward" && !state.encoder.find_method("forward")) {
        contractError(info.encoderPath, "the encoder file has neither encode(x) nor forward(x)");
    }
    info.hasEncoder = !state.encodeMethod.empty();
    state.probeLatentDim();
    state.probeOutputs(state.probeImageShape());
    if (info.hasEncoder) state.checkEncoder();
    for (const auto& p : state.decoder.parameters()) info.parameterCount += p.numel();
    if (!info.encoderPath.empty()) {
        for (const auto& p : state.encoder.parameters()) info.parameterCount += p.numel();
    }
    info.loadSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return model;
}

}  // namespace latent::detail
