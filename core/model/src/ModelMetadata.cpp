#include "ModelMetadata.h"

#include <fstream>
#include <sstream>
#include <utility>

#include "latent/core/Error.h"
#include "latent/core/JsonFields.h"

namespace latent::detail {

std::string quoted(const std::filesystem::path& path) {
    return "'" + path.string() + "'";
}

Error contractFailure(const std::filesystem::path& path, const std::string& what,
                      std::string details) {
    return Error(ErrorKind::ModelContract, "model " + quoted(path) + ": " + what,
                 std::move(details));
}

void contractError(const std::filesystem::path& path, const std::string& what,
                   std::string details) {
    throw contractFailure(path, what, std::move(details));
}

std::string shapeText(const ImageShape& s) {
    return std::to_string(s.channels) + "x" + std::to_string(s.height) + "x" +
           std::to_string(s.width);
}

namespace {

void readImageShape(const nlohmann::json& value, const std::string& where, ModelInfo& info) {
    if (!value.is_array() || value.size() != 3) contractError(info.path, where + " image_shape must be [C, H, W]");
    std::vector<int> shape;
    for (const auto& side : value) shape.push_back(json_fields::integer(side, "image_shape", 0, kMaxImageSide));
    if (shape[0] != 1 && shape[0] != 3) {
        contractError(info.path, where + " image_shape has " + std::to_string(shape[0]) +
                                     " channels; the app shows 1 (grey) or 3 (RGB)");
    }
    if (shape[1] < 1 || shape[2] < 1 || shape[1] > kMaxImageSide || shape[2] > kMaxImageSide) {
        contractError(info.path, where + " image_shape height and width must be 1.." +
                                     std::to_string(kMaxImageSide));
    }
    info.imageShape = {shape[0], shape[1], shape[2]};
}

}  // namespace

void applyMeta(const nlohmann::json& meta, const std::string& where, ModelInfo& info) {
    if (!meta.is_object()) contractError(info.path, where + " is not a JSON object");
    try {
        info.name = meta.value("name", info.name);
        info.description = meta.value("description", info.description);
        if (meta.contains("latent_dim")) {
            info.latentDim = json_fields::integer<std::size_t>(meta.at("latent_dim"), "latent_dim", 1, kMaxLatentDim);
        }
        if (meta.contains("image_shape")) readImageShape(meta.at("image_shape"), where, info);
        if (meta.contains("value_range")) {
            const auto range = json_fields::floats(meta.at("value_range"), "value_range");
            if (range.size() != 2 || !(range[1] > range[0])) {
                contractError(info.path,
                              where + " value_range must be [low, high] with low < high");
            }
            info.valueMin = range[0];
            info.valueMax = range[1];
        }
        if (meta.contains("channel_order")) {
            const auto order = meta.at("channel_order").get<std::string>();
            for (const auto known : {ColourOrder::Gray, ColourOrder::Rgb, ColourOrder::Bgr}) {
                if (order == toString(known)) info.colourOrder = known;
            }
            if (!info.colourOrder) {
                contractError(info.path, where + " channel_order must be \"gray\", \"rgb\" or \"bgr\", not \"" +
                                             order + "\"");
            }
        }
        if (meta.contains("prior")) {
            const auto prior = meta.at("prior").get<std::string>();
            if (prior == toString(LatentPrior::StandardNormal)) {
                info.prior = LatentPrior::StandardNormal;
            } else if (prior == toString(LatentPrior::Uniform)) {
                info.prior = LatentPrior::Uniform;
            } else {
                contractError(info.path, where +
                                             " prior must be \"standard_normal\" or "
                                             "\"uniform\", not \"" +
                                             prior + "\"");
            }
        }
        if (meta.contains("class_names")) {
            info.classNames = meta.at("class_names").get<std::vector<std::string>>();
        }
        constexpr std::int64_t kMaxCount = std::int64_t{1} << 52;  // exact in a JSON double
        if (meta.contains("epoch")) info.epoch = json_fields::integer<std::int64_t>(meta.at("epoch"), "epoch", 0, kMaxCount);
        if (meta.contains("step")) info.step = json_fields::integer<std::int64_t>(meta.at("step"), "step", 0, kMaxCount);
    } catch (const nlohmann::json::exception& e) {
        contractError(info.path,
                      where + " has a field of the wrong type (" + std::string(e.what()) + ")");
    } catch (const Error& e) {
        if (e.kind() != ErrorKind::BadFormat) throw;
        contractError(info.path, where + " " + e.what());  // a number out of range (json_fields)
    }
}

nlohmann::json parseEmbeddedMeta(const std::string& text, const std::filesystem::path& path) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        contractError(path, "embedded meta.json is not valid JSON (" + std::string(e.what()) + ")");
    }
}

ModelManifest readManifest(const std::filesystem::path& path) {
    std::ifstream in(path);
    if (!in) throw Error(ErrorKind::Io, "cannot read the model manifest " + quoted(path));
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json json;
    try {
        json = nlohmann::json::parse(text.str());
    } catch (const nlohmann::json::exception& e) {
        throw Error(ErrorKind::BadFormat,
                    "model manifest " + quoted(path) + " is not valid JSON (" + e.what() + ")");
    }
    if (!json.is_object() || !json.contains("decoder") || !json.at("decoder").is_string()) {
        contractError(path,
                      "the manifest must name a \"decoder\" file (and optionally an "
                      "\"encoder\" file and a \"meta\" object)");
    }
    ModelManifest manifest;
    const auto dir = path.parent_path();
    manifest.decoder = dir / json.at("decoder").get<std::string>();
    if (json.contains("encoder")) {
        if (!json.at("encoder").is_string()) contractError(path, "\"encoder\" must be a file name");
        manifest.encoder = dir / json.at("encoder").get<std::string>();
    }
    for (const auto& file : {manifest.decoder, manifest.encoder}) {
        std::error_code error;  // e.g. a name too long for the file system: not a crash
        if (!file.empty() && !std::filesystem::is_regular_file(file, error)) {
            throw Error(ErrorKind::Io, "model manifest " + quoted(path) + " names " + quoted(file) +
                                           ", which does not exist");
        }
    }
    if (json.contains("meta")) manifest.meta = json.at("meta");
    return manifest;
}

}  // namespace latent::detail

namespace latent {

const char* toString(LatentPrior prior) {
    return prior == LatentPrior::Uniform ? "uniform" : "standard_normal";
}

const char* toString(ColourOrder order) {
    switch (order) {
        case ColourOrder::Gray: return "gray";
        case ColourOrder::Rgb: return "rgb";
        case ColourOrder::Bgr: return "bgr";
    }
    return "rgb";
}

const char* toString(MetadataSource source) {
    switch (source) {
        case MetadataSource::EmbeddedMeta: return "embedded meta.json";
        case MetadataSource::Manifest: return "manifest";
        case MetadataSource::Probed: break;
    }
    return "probed";
}

}  // namespace latent
