#include "latent/core/Model.h"

#include <ATen/Parallel.h>
#include <torch/script.h>

#include <chrono>
#include <cmath>
#include <mutex>
#include <nlohmann/json.hpp>

#include "latent/core/Error.h"

namespace latent {
namespace {

std::string quoted(const std::filesystem::path& path) { return "'" + path.string() + "'"; }

[[noreturn]] void contractError(const std::filesystem::path& path, const std::string& what) {
    throw Error(ErrorKind::ModelContract, "model " + quoted(path) + ": " + what);
}

std::string shapeText(const at::Tensor& t) {
    std::string s = "[";
    for (std::int64_t d = 0; d < t.dim(); ++d) {
        s += (d ? ", " : "") + std::to_string(t.size(d));
    }
    return s + "]";
}

// Fills `info` from meta.json; unknown keys are ignored so newer files still load.
void readMeta(const std::string& text, ModelInfo& info) {
    nlohmann::json meta;
    try {
        meta = nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        contractError(info.path, std::string("embedded meta.json is not valid JSON (") + e.what() +
                                     ")");
    }
    if (!meta.is_object()) contractError(info.path, "embedded meta.json is not a JSON object");
    try {
        info.name = meta.value("name", info.name);
        info.description = meta.value("description", "");
        if (meta.contains("latent_dim")) info.latentDim = meta.at("latent_dim").get<std::size_t>();
        if (meta.contains("image_shape")) {
            const auto shape = meta.at("image_shape").get<std::vector<int>>();
            if (shape.size() != 3) contractError(info.path, "meta.json image_shape must be [C, H, W]");
            info.imageShape = {shape[0], shape[1], shape[2]};
        }
        if (meta.contains("value_range")) {
            const auto range = meta.at("value_range").get<std::vector<float>>();
            if (range.size() != 2 || !(range[1] > range[0])) {
                contractError(info.path, "meta.json value_range must be [low, high] with low < high");
            }
            info.valueMin = range[0];
            info.valueMax = range[1];
        }
        if (meta.contains("class_names")) {
            info.classNames = meta.at("class_names").get<std::vector<std::string>>();
        }
    } catch (const nlohmann::json::exception& e) {
        contractError(info.path, std::string("meta.json has a field of the wrong type (") +
                                     e.what() + ")");
    }
}

}  // namespace

struct Model::Impl {
    mutable std::mutex mutex;  // TorchScript modules are not documented as re-entrant
    mutable torch::jit::Module module;
    ModelInfo info;
    std::string decodeMethod;

    at::Tensor runDecode(const at::Tensor& z) const {
        auto out = module.get_method(decodeMethod)({z});
        if (!out.isTensor()) contractError(info.path, decodeMethod + "(z) did not return a tensor");
        return out.toTensor();
    }

    at::Tensor runEncode(const at::Tensor& x) const {
        auto out = module.get_method("encode")({x});
        if (out.isTensor()) return out.toTensor();
        if (out.isTuple() && !out.toTupleRef().elements().empty() &&
            out.toTupleRef().elements()[0].isTensor()) {
            return out.toTupleRef().elements()[0].toTensor();  // (mu, logvar): mu is the point
        }
        contractError(info.path, "encode(x) must return a tensor or a (mu, logvar) tuple");
    }

    // Decodes a zero latent to learn and check the image shape.
    void probe() {
        if (info.latentDim == 0) {
            contractError(info.path, "meta.json has no latent_dim, so the latent size is unknown");
        }
        const auto z = torch::zeros({1, static_cast<std::int64_t>(info.latentDim)});
        at::Tensor out;
        try {
            out = runDecode(z);
        } catch (const c10::Error& e) {
            contractError(info.path, decodeMethod + " failed on a zero latent of size " +
                                         std::to_string(info.latentDim) + ": " +
                                         e.what_without_backtrace());
        }
        if (out.dim() != 4 || out.size(0) != 1) {
            contractError(info.path, decodeMethod + "(z) must return [N, C, H, W], got " +
                                         shapeText(out));
        }
        const ImageShape probed{static_cast<int>(out.size(1)), static_cast<int>(out.size(2)),
                                static_cast<int>(out.size(3))};
        if (info.imageShape.pixelCount() != 0 && !(info.imageShape == probed)) {
            contractError(info.path, "meta.json says images are " +
                                         std::to_string(info.imageShape.channels) + "x" +
                                         std::to_string(info.imageShape.height) + "x" +
                                         std::to_string(info.imageShape.width) + " but " +
                                         decodeMethod + " returns " + shapeText(out));
        }
        info.imageShape = probed;
    }
};

Model::Model(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Model::~Model() = default;

const ModelInfo& Model::info() const { return impl_->info; }

std::shared_ptr<Model> Model::load(const std::filesystem::path& path) {
    const auto start = std::chrono::steady_clock::now();
    if (!std::filesystem::is_regular_file(path)) {
        throw Error(ErrorKind::Io, "model file " + quoted(path) + " does not exist");
    }
    auto impl = std::make_unique<Impl>();
    impl->info.path = path;
    impl->info.name = path.stem().string();
    torch::jit::ExtraFilesMap extra{{"meta.json", ""}};
    try {
        c10::InferenceMode guard;
        impl->module = torch::jit::load(path.string(), torch::kCPU, extra);
        impl->module.eval();
    } catch (const c10::Error& e) {
        contractError(path, std::string("not a loadable TorchScript file (") +
                                e.what_without_backtrace() +
                                "). Models must be saved with torch.jit.save; see docs/models.md");
    } catch (const std::exception& e) {
        contractError(path, std::string("not a loadable TorchScript file (") + e.what() + ")");
    }
    ModelInfo& info = impl->info;
    if (!extra["meta.json"].empty()) {
        readMeta(extra["meta.json"], info);
        info.metadataSource = "embedded meta.json";
    } else {
        info.metadataSource = "probed";
    }
    if (impl->module.find_method("decode")) {
        impl->decodeMethod = "decode";
    } else if (impl->module.find_method("forward")) {
        impl->decodeMethod = "forward";
    } else {
        contractError(path, "has neither a decode(z) nor a forward(z) method");
    }
    info.hasEncoder = impl->module.find_method("encode").has_value();
    {
        c10::InferenceMode guard;
        impl->probe();
        if (info.hasEncoder) {
            const auto& s = info.imageShape;
            const auto x = torch::zeros({1, s.channels, s.height, s.width});
            try {
                auto out = impl->module.get_method("encode")({x});
                info.variationalEncoder = out.isTuple();
                const auto mu = impl->runEncode(x);
                if (mu.dim() != 2 || static_cast<std::size_t>(mu.size(1)) != info.latentDim) {
                    contractError(path, "encode(x) returns " + shapeText(mu) + " but the latent size is " +
                                            std::to_string(info.latentDim));
                }
            } catch (const c10::Error& e) {
                contractError(path, std::string("encode(x) fails on an image of the decoder's shape: ") +
                                        e.what_without_backtrace());
            }
        }
    }
    for (const auto& p : impl->module.parameters()) info.parameterCount += p.numel();
    info.loadSeconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return std::shared_ptr<Model>(new Model(std::move(impl)));
}

LatentBatch Model::encode(const float* pixels, std::size_t n) const {
    const ModelInfo& info = impl_->info;
    if (!info.hasEncoder) {
        throw Error(ErrorKind::ModelContract, "model " + quoted(info.path) + " has no encoder");
    }
    LatentBatch out(n, info.latentDim);
    if (n == 0) return out;
    const auto& s = info.imageShape;
    std::lock_guard lock(impl_->mutex);
    c10::InferenceMode guard;
    auto x = torch::from_blob(const_cast<float*>(pixels),
                              {static_cast<std::int64_t>(n), s.channels, s.height, s.width},
                              torch::kFloat32);
    x = x * (info.valueMax - info.valueMin) + info.valueMin;
    at::Tensor mu;
    try {
        mu = impl_->runEncode(x).to(torch::kFloat32).contiguous();
    } catch (const c10::Error& e) {
        throw Error(ErrorKind::Inference, std::string("encode failed: ") + e.what_without_backtrace());
    }
    if (mu.numel() != static_cast<std::int64_t>(out.values.size())) {
        throw Error(ErrorKind::ModelContract, "encode returned " + shapeText(mu) + " for " +
                                                  std::to_string(n) + " images");
    }
    std::copy_n(mu.data_ptr<float>(), out.values.size(), out.values.begin());
    return out;
}

std::vector<Image> Model::decode(const LatentBatch& latents) const {
    const ModelInfo& info = impl_->info;
    if (latents.dim != info.latentDim) {
        throw Error(ErrorKind::InvalidArgument, "latent size " + std::to_string(latents.dim) +
                                                    " does not match the model's " +
                                                    std::to_string(info.latentDim));
    }
    std::vector<Image> images(latents.count);
    if (latents.count == 0) return images;
    at::Tensor y;
    {
        std::lock_guard lock(impl_->mutex);
        c10::InferenceMode guard;
        auto z = torch::from_blob(const_cast<float*>(latents.values.data()),
                                  {static_cast<std::int64_t>(latents.count),
                                   static_cast<std::int64_t>(latents.dim)},
                                  torch::kFloat32);
        try {
            y = impl_->runDecode(z).to(torch::kFloat32).contiguous();
        } catch (const c10::Error& e) {
            throw Error(ErrorKind::Inference, std::string("decode failed: ") + e.what_without_backtrace());
        }
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

void setInferenceThreads(int threads) { at::set_num_threads(std::max(1, threads)); }
int inferenceThreads() { return at::get_num_threads(); }

}  // namespace latent
