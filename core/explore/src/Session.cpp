#include "latent/core/Session.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "latent/core/AtomicFile.h"
#include "latent/core/Error.h"

namespace latent {
namespace {

using nlohmann::json;

constexpr const char* kFormat = "latent-explorer-session";
constexpr std::uintmax_t kMaxSessionBytes = std::uintmax_t{256} << 20;

template <typename Enum>
struct EnumNames {
    Enum value;
    const char* name;
};

constexpr EnumNames<ProjectionMethod> kMethods[] = {{ProjectionMethod::Pca, "pca"},
                                                    {ProjectionMethod::Tsne, "tsne"},
                                                    {ProjectionMethod::Umap, "umap"},
                                                    {ProjectionMethod::Lle, "lle"},
                                                    {ProjectionMethod::LatentAxes, "latent-axes"}};
constexpr EnumNames<Metric> kMetrics[] = {{Metric::Euclidean, "euclidean"}, {Metric::Cosine, "cosine"}};
constexpr EnumNames<FitPolicy> kFits[] = {{FitPolicy::CentreCrop, "centre-crop"},
                                          {FitPolicy::Stretch, "stretch"}};
constexpr EnumNames<ResizeFilter> kFilters[] = {{ResizeFilter::Bilinear, "bilinear"},
                                                {ResizeFilter::Nearest, "nearest"}};
constexpr EnumNames<InterpolationMode> kModes[] = {{InterpolationMode::Linear, "linear"},
                                                   {InterpolationMode::Spherical, "slerp"}};

template <typename Enum, std::size_t N>
const char* nameOf(const EnumNames<Enum> (&table)[N], Enum value) {
    for (const auto& e : table)
        if (e.value == value) return e.name;
    return table[0].name;
}

template <typename Enum, std::size_t N>
Enum valueOf(const EnumNames<Enum> (&table)[N], const std::string& name, const char* field) {
    for (const auto& e : table)
        if (name == e.name) return e.value;
    throw Error(ErrorKind::BadFormat, std::string("unknown ") + field + " '" + name + "'");
}

json optionalIndex(const std::optional<std::size_t>& i) { return i ? json(*i) : json(nullptr); }

std::optional<std::size_t> readOptionalIndex(const json& j, const char* key) {
    if (!j.contains(key) || j.at(key).is_null()) return std::nullopt;
    return j.at(key).get<std::size_t>();
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
    w.limit = data.value("limit", std::size_t{0});
    w.metadataPath = data.value("metadata", std::string());
    w.folderFit = valueOf(kFits, data.value("fit", std::string("centre-crop")), "image fit");
    w.greyscale = data.value("greyscale", w.greyscale);
    w.resizeFilter = valueOf(kFilters, data.value("resize", std::string("bilinear")), "resize filter");
    w.priorSamples = data.value("prior_samples", w.priorSamples);
    w.priorSeed = data.value("prior_seed", w.priorSeed);
    return w;
}

json projectionToJson(const ProjectionParams& p) {
    return {{"method", nameOf(kMethods, p.method)}, {"dims", p.dims}, {"seed", p.seed},
            {"threads", p.threads}, {"metric", nameOf(kMetrics, p.metric)},
            {"iterations", p.iterations}, {"perplexity", p.perplexity},
            {"early_exaggeration", p.earlyExaggeration}, {"learning_rate", p.learningRate},
            {"theta", p.theta}, {"neighbours", p.neighbours}, {"min_dist", p.minDist},
            {"axes", p.axes}};
}

ProjectionParams projectionFromJson(const json& j) {
    ProjectionParams p;
    p.method = valueOf(kMethods, j.at("method").get<std::string>(), "projection method");
    p.dims = j.at("dims").get<int>();
    p.seed = j.at("seed").get<std::uint64_t>();
    p.threads = j.value("threads", p.threads);
    p.metric = valueOf(kMetrics, j.value("metric", std::string("euclidean")), "metric");
    p.iterations = j.value("iterations", p.iterations);
    p.perplexity = j.value("perplexity", p.perplexity);
    p.earlyExaggeration = j.value("early_exaggeration", p.earlyExaggeration);
    p.learningRate = j.value("learning_rate", p.learningRate);
    p.theta = j.value("theta", p.theta);
    p.neighbours = j.value("neighbours", p.neighbours);
    p.minDist = j.value("min_dist", p.minDist);
    p.axes = j.value("axes", p.axes);
    if (p.dims != 2 && p.dims != 3) throw Error(ErrorKind::BadFormat, "projection dims must be 2 or 3");
    return p;
}

}  // namespace

std::string sessionToJson(const Session& s) {
    json j = {{"format", kFormat}, {"version", Session::kVersion}, {"model", s.workspace.modelPath.string()},
              {"data", dataToJson(s.workspace)},
              {"projection", projectionToJson(s.projection)}, {"selection", s.selection},
              {"current", {{"latent", s.currentLatent}, {"index", optionalIndex(s.currentIndex)}}}};
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
    // nlohmann writes floats with enough digits to read back the same float.
    return j.dump(2) + "\n";
}

Session sessionFromJson(const std::string& text, const std::string& source) {
    json j;
    try {
        j = json::parse(text);
    } catch (const json::parse_error& e) {
        throw Error(ErrorKind::BadFormat, source + " is not valid JSON (at byte " + std::to_string(e.byte) + ")");
    }
    if (!j.is_object() || j.value("format", std::string()) != kFormat) {
        throw Error(ErrorKind::BadFormat, source + " is not a Latent Explorer session file");
    }
    try {
        const int version = j.at("version").get<int>();
        if (version > Session::kVersion || version < 1) {
            throw Error(ErrorKind::BadFormat, source + " has session version " + std::to_string(version) +
                                                  "; this build reads up to version " +
                                                  std::to_string(Session::kVersion));
        }
        Session s;
        s.workspace = workspaceFromJson(j);
        s.projection = projectionFromJson(j.at("projection"));
        s.selection = j.value("selection", s.selection);
        if (j.contains("current")) {
            s.currentLatent = j.at("current").value("latent", std::vector<float>{});
            s.currentIndex = readOptionalIndex(j.at("current"), "index");
        }
        for (const json& b : j.value("bookmarks", json::array())) {
            s.bookmarks.push_back({b.at("name").get<std::string>(), b.at("latent").get<std::vector<float>>(),
                                   readOptionalIndex(b, "index")});
        }
        if (j.contains("morph")) {
            const json& m = j.at("morph");
            s.morph = MorphState{m.at("a").get<std::vector<float>>(), m.at("b").get<std::vector<float>>(),
                                 readOptionalIndex(m, "a_index"), readOptionalIndex(m, "b_index"),
                                 m.value("t", 0.0), valueOf(kModes, m.value("mode", std::string("linear")), "morph mode"),
                                 m.value("frames", 10)};
            if (s.morph->a.size() != s.morph->b.size()) {
                throw Error(ErrorKind::BadFormat, "morph end points differ in size");
            }
        }
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
