#pragma once

#include <CLI/CLI.hpp>
#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/LatentBatch.h"
#include "../Resources.h"
#include "latent/core/Model.h"

namespace latent::app {

// Checks an output path before any work starts: it ends in one of `extensions` (".csv",
// case-insensitive) and its folder exists, so a typo fails at once, not after a long job.
CLI::Validator outputFile(const std::vector<std::string>& extensions);

// Accepts a value when `parse` does not throw, and shows its latent::Error message when it
// does, so the command line and the parser agree on what is valid.
CLI::Validator acceptedBy(const std::function<void(const std::string&)>& parse);

// The lower-case extension of `path` (".png"), for choosing an output format.
std::string extensionOf(const std::string& path);

// Where morph and traverse find their points: rows of a latents file, or images to encode.
struct PointSource {
    std::string data = kDefaultDataDir.string();
    std::string split = "test";
    std::string latents;  // when set, used instead of data (generator-only models)
};
void addPointSourceOptions(CLI::App& cmd, PointSource& o);

// An item a command starts from, named by its option for messages ("--from", 12).
struct ItemRequest {
    std::string option;
    std::size_t index = 0;
};

struct SourcePoints {
    LatentBatch items;  // one row per request, in order
    LatentBatch all;    // every item's latent; only when asked for (statistics)
    LatentBatch allLogvars;  // with `all` from images and a VAE: each item's log-variance
};

// Loads the source, checks each index against it (Error(InvalidArgument) naming the
// option and the valid range) and encodes only what is needed.
SourcePoints loadPoints(const PointSource& source, const Model& model,
                        const std::vector<ItemRequest>& requests, bool wantAll);

}  // namespace latent::app
