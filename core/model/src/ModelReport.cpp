#include "latent/core/ModelReport.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <sstream>

namespace latent {
namespace {

std::string shapeText(const ImageShape& s) {
    return std::to_string(s.channels) + "x" + std::to_string(s.height) + "x" +
           std::to_string(s.width);
}

std::string encoderText(const ModelInfo& info) {
    if (!info.hasEncoder) return "none (decoder only)";
    return info.variationalEncoder ? "yes (variational: mu, logvar)" : "yes";
}

}  // namespace

std::string modelInfoJson(const ModelInfo& info) {
    nlohmann::json j;
    j["path"] = info.path.string();
    j["name"] = info.name;
    j["description"] = info.description;
    j["latent_dim"] = info.latentDim;
    j["image_shape"] = {info.imageShape.channels, info.imageShape.height, info.imageShape.width};
    j["value_range"] = {info.valueMin, info.valueMax};
    j["has_encoder"] = info.hasEncoder;
    j["variational_encoder"] = info.variationalEncoder;
    j["class_names"] = info.classNames;
    j["metadata_source"] = toString(info.metadataSource);
    j["probed_fields"] = info.probedFields;
    j["parameters"] = info.parameterCount;
    j["warnings"] = info.warnings;
    return j.dump(2) + "\n";
}

std::string modelInfoText(const ModelInfo& info) {
    std::string names;
    for (const auto& n : info.classNames) names += (names.empty() ? "" : ", ") + n;
    std::string out;
    auto line = [&](const char* key, const std::string& value) {
        out += key;
        out.append(std::max<std::size_t>(1, 14 - std::string(key).size()), ' ');
        out += value + "\n";
    };
    line("name:", info.name);
    if (!info.description.empty()) line("description:", info.description);
    line("file:", info.path.string());
    line("latent size:", std::to_string(info.latentDim));
    line("image shape:", shapeText(info.imageShape) + " (C x H x W)");
    line("value range:", valueRangeText(info));
    line("encoder:", encoderText(info));
    line("classes:",
         names.empty() ? "none" : std::to_string(info.classNames.size()) + " (" + names + ")");
    line("metadata:", toString(info.metadataSource));
    line("parameters:", std::to_string(info.parameterCount));
    for (const auto& warning : info.warnings) line("warning:", warning);
    return out;
}

std::string valueRangeText(const ModelInfo& info) {
    std::ostringstream text;  // shortest form: "-1", "0.5", "255"
    text << "[" << info.valueMin << ", " << info.valueMax << "]";
    if (info.probed("value_range")) text << ", assumed: the decoder returns negative values";
    return text.str();
}

}  // namespace latent
