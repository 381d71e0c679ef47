#pragma once
// Model metadata from an embedded meta.json or a pair's manifest (private to core).

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/Model.h"

namespace latent::detail {

// Error(ModelContract) "model 'path': what", keeping `details` (a traceback);
// contractError throws it.
Error contractFailure(const std::filesystem::path& path, const std::string& what,
                      std::string details = {});
[[noreturn]] void contractError(const std::filesystem::path& path, const std::string& what,
                                std::string details = {});
std::string quoted(const std::filesystem::path& path);
std::string shapeText(const ImageShape& shape);  // "CxHxW"

// Fills `info` from a meta object; `where` names its origin in messages ("meta.json",
// "manifest meta"). Unknown keys are ignored so newer files still load. Throws
// Error(ModelContract) for fields of the wrong type or out of range.
void applyMeta(const nlohmann::json& meta, const std::string& where, ModelInfo& info);

// Parses an embedded meta.json's text; throws Error(ModelContract) when it is not JSON.
nlohmann::json parseEmbeddedMeta(const std::string& text, const std::filesystem::path& path);

// A JSON manifest naming an encoder and a decoder file (relative to the manifest).
struct ModelManifest {
    std::filesystem::path encoder;  // may be empty: a decoder alone
    std::filesystem::path decoder;
    nlohmann::json meta;  // null when absent
};

// Throws Error(Io) when unreadable or a named file is missing, Error(BadFormat) when
// not JSON, Error(ModelContract) when the decoder is not named.
ModelManifest readManifest(const std::filesystem::path& path);

}  // namespace latent::detail
