#pragma once
// The model fixtures written at build time by tests/fixtures/make_model_fixtures.py.

#include <gtest/gtest.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "latent/core/Error.h"
#include "latent/core/Model.h"

inline std::filesystem::path fixture(const std::string& name) {
    return std::filesystem::path(LATENT_MODEL_FIXTURES) / name;
}

// known_outputs.json: what each valid fixture must report and decode/encode.
inline const nlohmann::json& knownOutputs() {
    static const nlohmann::json known = [] {
        std::ifstream in(fixture("known_outputs.json"));
        return nlohmann::json::parse(in);
    }();
    return known;
}

inline const nlohmann::json& knownModel(const std::string& file) {
    for (const auto& entry : knownOutputs().at("models")) {
        if (entry.at("file") == file) return entry;
    }
    throw std::runtime_error("no known outputs for " + file);
}

// A GoogleTest parameter name for a fixture file: "pair.json" -> "pair_json".
inline std::string testNameOf(std::string file) {
    for (char& c : file) {
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    }
    return file;
}

// The error loading `path` throws (a test failure when it loads).
inline latent::Error modelLoadError(const std::filesystem::path& path) {
    try {
        latent::Model::load(path);
    } catch (const latent::Error& e) {
        return e;
    }
    ADD_FAILURE() << "loading " << path << " should fail";
    return latent::Error(latent::ErrorKind::Io, "");
}
