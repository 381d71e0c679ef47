#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "latent/core/Annotations.h"
#include "latent/core/Interpolation.h"
#include "latent/core/MapCamera.h"
#include "latent/core/Projection.h"
#include "latent/core/WorkspaceIdentity.h"

namespace latent {

struct Bookmark {
    std::string name;
    std::vector<float> latent;
    std::optional<std::size_t> datasetIndex;  // when it marks a dataset item
    bool operator==(const Bookmark&) const = default;
};

// The most frames a morph exports (the Morph panel's range; sessions are checked against it).
inline constexpr int kMinMorphFrames = 2;
inline constexpr int kMaxMorphFrames = 32;

struct MorphState {
    std::vector<float> a, b;
    std::optional<std::size_t> aIndex, bIndex;
    double t = 0.0;
    InterpolationMode mode = InterpolationMode::Linear;
    int frames = 10;
    bool operator==(const MorphState&) const = default;
};

// How the window showed the exploration: none of it changes what is computed.
struct SessionView {
    std::optional<MapCamera> camera;  // none: the map is framed
    std::string colourBy;             // the Colour by column; "": the dataset's default
    std::string windowLayout;         // the docks' arrangement as the GUI saved it; "": its default
    bool operator==(const SessionView&) const = default;
};

// Everything needed to reopen an exploration exactly: the same model and data, the same
// map, and the same latents (stored losslessly), so the same images decode again.
struct Session {
    // 2 added metadata, image fitting, resizing and prior sampling; 3 the camera, the
    // Colour by column and the window layout; 4 the annotations (clusters, tags); 5 the
    // model compared with.
    static constexpr int kVersion = 5;

    WorkspaceIdentity workspace;  // the model, the data and everything that decides the latents
    ProjectionParams projection;
    std::vector<std::size_t> selection;
    std::optional<MorphState> morph;
    std::vector<Bookmark> bookmarks;
    std::vector<float> currentLatent;            // the point the sliders act on
    std::optional<std::size_t> currentIndex;     // when it is a dataset item
    SessionView view;
    Annotations annotations;
    // The model whose map shows beside this one (File > Compare With Model), or the folder
    // of a training run's checkpoints (File > Open Checkpoints) and the one on show; empty:
    // none. Its map follows the projection above.
    std::filesystem::path comparedModel;
    std::size_t comparedStep = 0;

    bool operator==(const Session&) const = default;
};

std::string sessionToJson(const Session& session);
// Throws Error(BadFormat) for malformed JSON, a file of another format, a newer version
// or fields of the wrong type; the message names `source` and the problem.
Session sessionFromJson(const std::string& text, const std::string& source = "session");

void saveSession(const std::filesystem::path& path, const Session& session);  // atomic
Session loadSession(const std::filesystem::path& path);

}  // namespace latent
