// `encode`: images in any supported format -> latents.npy.
#include <iostream>
#include <memory>

#include "CommandSupport.h"
#include "Commands.h"
#include "TerminalProgress.h"
#include "latent/core/DataSource.h"
#include "latent/core/EncodeDataset.h"
#include "latent/core/Model.h"
#include "latent/core/NpyWriter.h"
#include "latent/core/Shard.h"
#include "latent/core/Error.h"
#include "../Resources.h"

namespace latent::app {
namespace {

// Images per inference batch; shards are whole batches, so they encode bit for bit as one run.
constexpr std::size_t kEncodeBatch = 256;

struct EncodeOptions {
    std::string model = bundledModel().string();
    std::string data;
    std::string out;
    std::string split = "test";
    std::size_t limit = 0;
    bool channelsLast = false;
    std::string imagesArray;
    std::string shard;  // "K/N": only that slice of the images
    int threads = 1;
};

int runEncode(const EncodeOptions& o) {
    setInferenceThreads(o.threads);
    const auto model = Model::load(o.model);
    DataSourceOptions source;
    source.split = o.split;
    source.channelOrder = o.channelsLast ? ChannelOrder::Last : ChannelOrder::First;
    source.imagesArray = o.imagesArray;
    // Image folders are fitted to what the model expects.
    source.imageFolder.target = model->info().imageShape;
    if (!o.shard.empty()) {
        source.shard = parseShard(o.shard);
        source.shard.block = kEncodeBatch;
    }
    LoadedData loaded = loadDataSource(o.data, source, terminalProgress());
    for (const auto& skipped : loaded.skipped) {
        std::cerr << "skipped " << skipped.path.string() << ": " << skipped.reason << "\n";
    }
    Dataset& data = loaded.dataset;
    if (o.limit != 0) data.keepFirst(o.limit);
    const LatentBatch latents = encodeDataset(*model, data, kEncodeBatch, terminalProgress());
    writeNpy(o.out, latents);
    statusLine("wrote " + o.out + ": " + std::to_string(latents.count) + " x " +
               std::to_string(latents.dim) + " float32 latents from " + loaded.description);
    return kExitOk;
}

}  // namespace

Command addEncodeCommand(CLI::App& cli) {
    auto o = std::make_shared<EncodeOptions>();
    auto* cmd = cli.add_subcommand("encode", "encode images to latents (.npy, N x D float32)");
    cmd->add_option("--model", o->model, "TorchScript model file")->check(CLI::ExistingFile);
    cmd->add_option("--data", o->data,
                    "images: a folder of MNIST-style IDX files or of PNG/JPEG images, "
                    "a .npy/.npz file or an IDX file")
        ->required()
        ->check(CLI::ExistingPath);
    cmd->add_option("--out", o->out, "output .npy file")->required();
    cmd->add_option("--split", o->split, "split of an IDX folder")
        ->check(CLI::IsMember({"test", "train"}));
    auto* limit = cmd->add_option("--limit", o->limit, "encode only the first N images (0: all)");
    cmd->add_option("--shard", o->shard,
                    "encode only shard K of N (0 <= K < N; contiguous slices of the images in order, "
                    "so `merge` of shards 0..N-1 equals encoding all)")
        ->excludes(limit)
        ->check(acceptedBy([](const std::string& spec) { parseShard(spec); }));
    cmd->add_flag("--channels-last", o->channelsLast,
                  "4-d arrays are N x H x W x C (default N x C x H x W)");
    cmd->add_option("--array", o->imagesArray,
                    ".npz: the images array (default: images, x or the first)");
    cmd->add_option("--threads", o->threads, "inference threads")->check(CLI::Range(1, 64));
    return {cmd, [o] { return runEncode(*o); }};
}

}  // namespace latent::app
