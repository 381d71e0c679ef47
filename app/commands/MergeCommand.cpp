// `merge`: row-wise concatenation of .npy arrays (encoded or placed shards) into one file.
#include <memory>
#include <string>
#include <vector>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/ArrayConversion.h"
#include "latent/core/Error.h"
#include "latent/core/NpyReader.h"
#include "latent/core/NpyWriter.h"

namespace latent::app {
namespace {

struct MergeOptions {
    std::vector<std::string> in;
    std::string out;
};

int runMerge(const MergeOptions& o) {
    LatentBatch merged;
    for (const std::string& path : o.in) {
        const LatentBatch part = latentsFromArray(readNpyFile(path), "'" + path + "'");
        if (merged.count > 0 && part.dim != merged.dim) {
            throw Error(ErrorKind::InvalidArgument, "'" + path + "' has " + std::to_string(part.dim) +
                                                        " columns, the files before it " +
                                                        std::to_string(merged.dim));
        }
        merged.dim = part.dim;
        merged.count += part.count;
        merged.values.insert(merged.values.end(), part.values.begin(), part.values.end());
    }
    writeNpy(o.out, merged);
    statusLine("wrote " + o.out + ": " + std::to_string(merged.count) + " x " + std::to_string(merged.dim) +
               " from " + std::to_string(o.in.size()) + " files");
    return kExitOk;
}

}  // namespace

Command addMergeCommand(CLI::App& cli) {
    auto o = std::make_shared<MergeOptions>();
    auto* cmd = cli.add_subcommand("merge", "join .npy shards (encoded latents or placed coordinates) row by row");
    cmd->add_option("--out", o->out, "the joined rows (.npy)")->required()->check(outputFile({".npy"}));
    cmd->add_option("files", o->in, "N x D .npy files, joined in the order given (name shards so they sort: "
                                    "latents_000.npy, latents_001.npy, ...)")
        ->required()
        ->check(CLI::ExistingFile);
    return {cmd, [o] { return runMerge(*o); }};
}

}  // namespace latent::app
