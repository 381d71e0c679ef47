#pragma once

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <thread>
#include <vector>

#include "latent/core/Dataset.h"
#include "latent/core/DecodeCache.h"
#include "latent/core/Image.h"
#include "latent/core/LatentBatch.h"
#include "latent/core/Model.h"
#include "latent/core/Progress.h"

namespace latent {

// The outcome of one live decode; `error` is empty on success.
struct LiveResult {
    std::uint64_t id = 0;
    Image image;
    double milliseconds = 0.0;
    bool fromCache = false;
    std::string error;
};

// One worker thread that runs the model. Live requests (slider drag, morph scrub, hover)
// are latest-wins: a new one replaces the one still waiting, and a result is delivered
// only if no newer request arrived meanwhile, so there is never a backlog of stale
// images. Batch jobs (decode a grid, encode a dataset) run in chunks with progress and
// cancel; a live request waiting is served between two chunks, so dragging stays live
// while a dataset encodes. The worker holds c10::InferenceMode and applies the thread
// count itself (LibTorch's setting is per thread with OpenMP).
class InferenceEngine {
public:
    using LiveCallback = std::function<void(LiveResult)>;  // called on the worker thread

    explicit InferenceEngine(LiveCallback onLive, std::size_t cacheCapacity = 256,
                             int threads = 1);
    ~InferenceEngine();  // cancels batch jobs still queued and joins the worker
    InferenceEngine(const InferenceEngine&) = delete;
    InferenceEngine& operator=(const InferenceEngine&) = delete;

    // Requests made after this use `model`; the cache is dropped when the model changes.
    void setModel(std::shared_ptr<const Model> model);
    void setThreads(int threads);
    int threads() const;

    // Queues a live decode; returns its id (increasing). Superseded requests get no result.
    std::uint64_t requestLive(std::vector<float> latent);
    std::uint64_t latestLiveId() const;

    // Decodes every row, `batchSize` at a time. The future throws latent::Error
    // (Cancelled when `progress` returns false, or when `stop` is requested before a chunk:
    // a job nobody waits for any more costs nothing).
    std::future<std::vector<Image>> decodeBatch(LatentBatch latents, std::size_t batchSize = 64,
                                                ProgressFn progress = {}, std::stop_token stop = {});
    // Encodes every image of `data` (mu for a VAE), `batchSize` at a time.
    std::future<LatentBatch> encodeDataset(std::shared_ptr<const Dataset> data,
                                           std::size_t batchSize = 256, ProgressFn progress = {},
                                           std::stop_token stop = {});
    // No live result is delivered after this returns (its receiver is going away).
    void closeLive();

private:
    struct LiveJob {
        std::uint64_t id = 0;
        std::vector<float> latent;
        std::shared_ptr<const Model> model;
    };
    struct BatchJob {
        std::size_t total = 0;
        std::size_t done = 0;
        std::size_t batchSize = 1;
        std::string what;  // "Decoding" / "Encoding", for progress messages
        std::function<void(std::size_t first, std::size_t n)> runChunk;
        std::function<void()> complete;
        std::function<void(std::exception_ptr)> fail;
        ProgressFn progress;
        std::stop_token stop;
    };

    void run();
    void runLive(LiveJob job);
    // Runs one chunk of `job`; returns true when the job is finished (done or failed).
    bool runChunk(BatchJob& job);
    // Queues a job of `total` items run `batchSize` at a time by `chunk`, which fills
    // `output`; the future gets `output` when all chunks ran.
    template <typename Result>
    std::future<Result> submit(std::size_t total, std::size_t batchSize, std::string what,
                               ProgressFn progress, std::stop_token stop, std::shared_ptr<Result> output,
                               std::function<void(std::size_t, std::size_t)> chunk);
    std::shared_ptr<const Model> currentModel(const char* forWhat) const;

    std::mutex liveCallbackMutex_;  // held while onLive_ runs, so closeLive() waits for it
    LiveCallback onLive_;
    DecodeCache cache_;                        // worker thread only
    std::shared_ptr<const Model> cacheModel_;  // worker thread only: the cache's model
    int appliedThreads_ = 0;                   // worker thread only

    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::shared_ptr<const Model> model_;
    std::optional<LiveJob> live_;
    std::deque<std::shared_ptr<BatchJob>> batches_;
    std::uint64_t latestId_ = 0;
    int threads_ = 1;
    bool stopping_ = false;
    std::thread worker_;
};

}  // namespace latent
