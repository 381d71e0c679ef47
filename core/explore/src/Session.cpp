#include "latent/core/Session.h"

#include <cstdint>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <sstream>

#include "EnumNames.h"
#include "latent/core/AtomicFile.h"
#include "latent/core/Error.h"
#include "latent/core/JsonFields.h"
#include "latent/core/Model.h"
#include "latent/core/ProjectionParamsJson.h"

namespace latent {
namespace {

using nlohmann::json;
namespace fields = json_fields;

constexpr auto kNoIndexLimit = std::numeric_limits<std::size_t>::max();
constexpr std::size_t kMaxPriorSamples = 1000000;  // as the command line's --samples

constexpr const char* kFormat = "latent-explorer-session";
constexpr std::uintmax_t kMaxSessionBytes = std::uintmax_t{256} << 20;

constexpr EnumNames<FitPolicy> kFits[] = {{FitPolicy::CentreCrop, "centre-crop"},
                                          {FitPolicy::Stretch, "stretch"}};
constexpr EnumNames<ResizeFilter> kFilters[] = {{ResizeFilter::Bilinear, "bilinear"},
                                                {ResizeFilter::Nearest, "nearest"}};
constexpr EnumNames<InterpolationMode> kModes[] = {{InterpolationMode::Linear, "linear"},
                                                   {InterpolationMode::Spherical, "slerp"}};

json optionalIndex(const std::optional<std::size_t>& i) { return i ? json(*i) : json(nullptr); }

std::optional<std::size_t> readOptionalIndex(const json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return fields::integer<std::size_t>(j.at(key), key, 0, kNoIndexLimit);
}

// The file keeps the model at the top and the rest under "data", as version 1 did.
json dataToJson(const WorkspaceIdentity& w) {
    return {{"dir", w.dataPath.string()}, {"split", w.split}, {"limit", w.limit},
            {"metadata", w.metadataPath.string()}, {"fit", nameOf(kFits, w.folderFit)},
            {"greyscale", w.greyscale}, {"resize", nameOf(kFilters, w.resizeFilter)},
            {"prior_samples", w.priorSamples}, {"prior_seed", w.priorSeed}};
}

// Version 1 files have only the model, dir, split and limit: the defaults of the rest are
// what version 1 opened with.
WorkspaceIdentity workspaceFromJson(const json& j) {
    WorkspaceIdentity w;
    w.modelPath = j.at("model").get<std::string>();
    const json& data = j.at("data");
    w.dataPath = data.at("dir").get<std::string>();
    w.split = data.value("split", w.split);
    w.limit = fields::integer<std::size_t>(data, "limit", 0, kNoIndexLimit, 0);
    w.metadataPath = data.value("metadata", std::string());
    w.folderFit = valueOf(kFits, data.value("fit", std::string("centre-crop")), "image fit");
    w.greyscale = data.value("greyscale", w.greyscale);
    w.resizeFilter = valueOf(kFilters, data.value("resize", std::string("bilinear")), "resize filter");
    w.priorSamples = fields::integer<std::size_t>(data, "prior_samples", 1, kMaxPriorSamples, w.priorSamples);
    w.priorSeed = fields::integer<std::uint64_t>(data, "prior_seed", 0, UINT64_MAX, w.priorSeed);
    return w;
}

json cameraToJson(const MapCamera& c) {
    return {{"position", c.position}, {"focal_point", c.focalPoint}, {"view_up", c.viewUp},
            {"parallel_scale", c.parallelScale}};
}

std::array<double, 3> readPoint(const json& object, const char* key) {
    constexpr double kLargest = 1e30;  // far beyond any map, and finite
    const json& value = object.at(key);
    if (!value.is_array() || value.size() != 3) fields::outOfRange(key, "an array of 3 numbers");
    return {fields::number(value[0], key, -kLargest, kLargest), fields::number(value[1], key, -kLargest, kLargest),
            fields::number(value[2], key, -kLargest, kLargest)};
}

// A camera that cannot look anywhere (at itself, or with no up) is refused, never shown.
MapCamera cameraFromJson(const json& j) {
    MapCamera c{readPoint(j, "position"), readPoint(j, "focal_point"), readPoint(j, "view_up"),
                fields::number(j.at("parallel_scale"), "parallel_scale", 1e-30, 1e30)};
    if (c.position == c.focalPoint) fields::outOfRange("position", "apart from the focal point");
    if (c.viewUp == std::array<double, 3>{0, 0, 0}) fields::outOfRange("view_up", "a direction, not 0");
    return c;
}

json viewToJson(const SessionView& v) {
    return {{"camera", v.camera ? cameraToJson(*v.camera) : json(nullptr)},
            {"colour_by", v.colourBy},
            {"window_layout", v.windowLayout}};
}

// Files before version 3 have no view: the map is framed and coloured as a new one.
SessionView viewFromJson(const json& j) {
    SessionView v;
    if (j.contains("camera") && !j.at("camera").is_null()) v.camera = cameraFromJson(j.at("camera"));
    v.colourBy = j.value("colour_by", std::string());
    v.windowLayout = j.value("window_layout", std::string());
    return v;
}

json clustersToJson(const ItemClusters& c) {
    return {{"method", c.settings.method}, {"resolution", c.settings.resolution}, {"seed", c.settings.seed},
            {"min_cluster_size", c.settings.minClusterSize}, {"neighbours", c.neighbours},
            {"graph_seed", c.graphSeed}, {"names", c.names}, {"labels", c.labels}};
}

// min_cluster_size came with density clusters: files without it hold Leiden's.
ItemClusters clustersFromJson(const json& j) {
    ItemClusters c;
    c.settings.method = j.at("method").get<std::string>();
    if (c.settings.method != kLeiden && c.settings.method != kDensity) {
        fields::outOfRange("method", "\"leiden\" or \"density\"");
    }
    c.settings.resolution = fields::number(j.at("resolution"), "resolution", 1e-3, 100.0);
    constexpr auto kAnySeed = std::numeric_limits<std::uint64_t>::max();
    c.settings.seed = fields::integer<std::uint64_t>(j.at("seed"), "seed", 0, kAnySeed);
    if (j.contains("min_cluster_size")) {
        c.settings.minClusterSize = fields::integer<std::size_t>(j.at("min_cluster_size"), "min_cluster_size", 2,
                                                                 kMaxMinClusterSize);
    }
    c.neighbours = fields::integer(j.at("neighbours"), "neighbours", 2, 200);
    c.graphSeed = fields::integer<std::uint64_t>(j.at("graph_seed"), "graph_seed", 0, kAnySeed);
    c.names = j.at("names").get<std::vector<std::string>>();
    for (const json& label : j.at("labels")) {
        c.labels.push_back(fields::integer(label, "labels", -1, static_cast<int>(c.names.size()) - 1));
    }
    return c;
}

ItemTags tagsFromJson(const json& j) {
    if (!j.is_object()) fields::outOfRange("tags", "an object of tag names and item lists");
    ItemTags tags;
    for (const auto& [name, items] : j.items()) {
        if (!items.is_array()) fields::outOfRange("tags", "an object of tag names and item lists");
        auto& tagged = tags[name];
        for (const json& i : items) tagged.push_back(fields::integer<std::size_t>(i, "tags", 0, kNoIndexLimit));
    }
    return tags;
}

}  // namespace

std::string sessionToJson(const Session& s) {
    json j = {{"format", kFormat}, {"version", Session::kVersion}, {"model", s.workspace.modelPath.string()},
              {"data", dataToJson(s.workspace)},
              {"projection", projectionToJson(s.projection)}, {"selection", s.selection},
              {"current", {{"latent", s.currentLatent}, {"index", optionalIndex(s.currentIndex)}}},
              {"view", viewToJson(s.view)}};
    j["bookmarks"] = json::array();
    for (const auto& b : s.bookmarks) {
        j["bookmarks"].push_back({{"name", b.name}, {"latent", b.latent}, {"index", optionalIndex(b.datasetIndex)}});
    }
    if (s.morph) {
        const auto& m = *s.morph;
        j["morph"] = {{"a", m.a}, {"b", m.b}, {"a_index", optionalIndex(m.aIndex)},
                      {"b_index", optionalIndex(m.bIndex)}, {"t", m.t},
                      {"mode", nameOf(kModes, m.mode)}, {"frames", m.frames}};
    }
    if (s.annotations.clusters) j["clusters"] = clustersToJson(*s.annotations.clusters);
    if (!s.annotations.tags.empty()) j["tags"] = s.annotations.tags;
    if (!s.comparedModel.empty()) {
        j["compared_model"] = s.comparedModel.string();
        j["compared_step"] = s.comparedStep;
    }
    // nlohmann writes floats with enough digits to read back the same float.
    return j.dump(2) + "\n";
}

Session sessionFromJson(const std::string& text, const std::string& source) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(ErrorKind::BadFormat, source + " is not valid JSON (at byte " + std::to_string(e.byte) + ")");
    } catch (const json::exception& e) {  // e.g. a number too large for a double
        throw Error(ErrorKind::BadFormat, source + " is not valid JSON (" + e.what() + ")");
    }
    if (!j.is_object() || !j.contains("format") || j.at("format") != kFormat) {
        throw Error(ErrorKind::BadFormat, source + " is not a Latent Explorer session file");
    }
    try {
        const int version = fields::integer(j.at("version"), "version", 1, std::numeric_limits<int>::max());
        if (version > Session::kVersion) {
            throw Error(ErrorKind::BadFormat, source + " has session version " + std::to_string(version) +
                                                  "; this build reads up to version " +
                                                  std::to_string(Session::kVersion));
        }
        Session s;
        s.workspace = workspaceFromJson(j);
        s.projection = projectionFromJson(j.at("projection"));
        for (const json& i : j.value("selection", json::array())) {
            s.selection.push_back(fields::integer<std::size_t>(i, "selection", 0, kNoIndexLimit));
        }
        if (j.contains("current")) {
            const json& current = j.at("current");
            if (current.contains("latent")) s.currentLatent = fields::floats(current.at("latent"), "latent");
            s.currentIndex = readOptionalIndex(current, "index");
        }
        if (j.contains("view")) s.view = viewFromJson(j.at("view"));
        for (const json& b : j.value("bookmarks", json::array())) {
            s.bookmarks.push_back({b.at("name").get<std::string>(), fields::floats(b.at("latent"), "latent"),
                                   readOptionalIndex(b, "index")});
        }
        if (j.contains("morph")) {
            const json& m = j.at("morph");
            s.morph = MorphState{fields::floats(m.at("a"), "a"), fields::floats(m.at("b"), "b"),
                                 readOptionalIndex(m, "a_index"), readOptionalIndex(m, "b_index"),
                                 fields::number(m, "t", 0.0, 1.0, 0.0),
                                 valueOf(kModes, m.value("mode", std::string("linear")), "morph mode"),
                                 fields::integer(m, "frames", kMinMorphFrames, kMaxMorphFrames, 10)};
            if (s.morph->a.size() != s.morph->b.size()) {
                throw Error(ErrorKind::BadFormat, "morph end points differ in size");
            }
        }
        if (j.contains("clusters")) s.annotations.clusters = clustersFromJson(j.at("clusters"));
        if (j.contains("tags")) s.annotations.tags = tagsFromJson(j.at("tags"));
        if (j.contains("compared_model")) s.comparedModel = j.at("compared_model").get<std::string>();
        s.comparedStep = fields::integer<std::size_t>(j, "compared_step", 0, kNoIndexLimit, 0);
        return s;
    } catch (const json::exception& e) {
        throw Error(ErrorKind::BadFormat, source + " has a missing or mistyped field (" + e.what() + ")");
    } catch (const Error& e) {
        if (std::string(e.what()).starts_with(source)) throw;
        throw Error(ErrorKind::BadFormat, source + ": " + e.what());
    }
}

void saveSession(const std::filesystem::path& path, const Session& session) {
    writeFileAtomically(path, sessionToJson(session));
}

Session loadSession(const std::filesystem::path& path) {
    const std::string name = "'" + path.string() + "'";
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(ErrorKind::Io, "cannot open session " + name + ": " + ec.message());
    if (size > kMaxSessionBytes) throw Error(ErrorKind::TooLarge, "session " + name + " is over 256 MiB");
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    if (!in && !in.eof()) throw Error(ErrorKind::Io, "cannot read session " + name);
    return sessionFromJson(text.str(), "session " + name);
}

}  // namespace latent
