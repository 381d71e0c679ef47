#include "latent/core/InferenceEngine.h"

#include <algorithm>
#include <chrono>

#include "ModelMetadata.h"
#include "latent/core/Error.h"

namespace latent {

InferenceEngine::InferenceEngine(LiveCallback onLive, std::size_t cacheCapacity, int threads)
    : onLive_(std::move(onLive)), cache_(cacheCapacity), threads_(std::max(1, threads)) {
    worker_ = std::thread([this] { run(); });
}

InferenceEngine::~InferenceEngine() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
        live_.reset();
    }
    wake_.notify_one();
    worker_.join();
}

void InferenceEngine::setModel(std::shared_ptr<const Model> model) {
    std::lock_guard lock(mutex_);
    model_ = std::move(model);
}

void InferenceEngine::setThreads(int threads) {
    std::lock_guard lock(mutex_);
    threads_ = std::max(1, threads);
}

int InferenceEngine::threads() const {
    std::lock_guard lock(mutex_);
    return threads_;
}

std::uint64_t InferenceEngine::requestLive(std::vector<float> latent) {
    std::uint64_t id = 0;
    {
        std::lock_guard lock(mutex_);
        id = ++latestId_;
        live_ = LiveJob{id, std::move(latent), model_};
    }
    wake_.notify_one();
    return id;
}

std::uint64_t InferenceEngine::latestLiveId() const {
    std::lock_guard lock(mutex_);
    return latestId_;
}

std::shared_ptr<const Model> InferenceEngine::currentModel(const char* forWhat) const {
    std::lock_guard lock(mutex_);
    if (!model_)
        throw Error(ErrorKind::InvalidArgument, std::string("no model is loaded to ") + forWhat);
    return model_;
}

template <typename Result>
std::future<Result> InferenceEngine::submit(std::size_t total, std::size_t batchSize,
                                            std::string what, ProgressFn progress,
                                            std::stop_token stop, std::shared_ptr<Result> output,
                                            std::function<void(std::size_t, std::size_t)> chunk) {
    auto promise = std::make_shared<std::promise<Result>>();
    auto job = std::make_shared<BatchJob>();
    job->total = total;
    job->batchSize = std::max<std::size_t>(batchSize, 1);
    job->what = std::move(what);
    job->progress = std::move(progress);
    job->stop = std::move(stop);
    job->runChunk = std::move(chunk);
    job->complete = [promise, output] { promise->set_value(std::move(*output)); };
    job->fail = [promise](std::exception_ptr e) { promise->set_exception(e); };
    auto future = promise->get_future();
    {
        std::lock_guard lock(mutex_);
        batches_.push_back(std::move(job));
    }
    wake_.notify_one();
    return future;
}

std::future<std::vector<Image>> InferenceEngine::decodeBatch(LatentBatch latents,
                                                             std::size_t batchSize,
                                                             ProgressFn progress,
                                                             std::stop_token stop) {
    auto model = currentModel("decode with");
    auto input = std::make_shared<LatentBatch>(std::move(latents));
    auto output = std::make_shared<std::vector<Image>>();
    output->reserve(input->count);
    return submit(input->count, batchSize, "Decoding", std::move(progress), std::move(stop), output,
                  [model, input, output](std::size_t first, std::size_t n) {
                      LatentBatch part(n, input->dim);
                      std::copy_n(
                          input->values.begin() + static_cast<std::ptrdiff_t>(first * input->dim),
                          n * input->dim, part.values.begin());
                      for (auto& image : model->decode(part)) output->push_back(std::move(image));
                  });
}

std::future<LatentBatch> InferenceEngine::encodeDataset(std::shared_ptr<const Dataset> data,
                                                        std::size_t batchSize,
                                                        ProgressFn progress,
                                                        std::stop_token stop) {
    auto model = currentModel("encode with");
    if (!(data->shape == model->info().imageShape)) {
        throw Error(ErrorKind::InvalidArgument,
                    "the dataset's images are " + detail::shapeText(data->shape) +
                        " but the model expects " + detail::shapeText(model->info().imageShape));
    }
    auto output = std::make_shared<LatentBatch>(data->count, model->info().latentDim);
    return submit(
        data->count, batchSize, "Encoding", std::move(progress), std::move(stop), output,
        [model, data, output](std::size_t first, std::size_t n) {
            const auto part = model->encode(data->floatPixels(first, n).data(), n);
            std::copy(part.values.begin(), part.values.end(),
                      output->values.begin() + static_cast<std::ptrdiff_t>(first * output->dim));
        });
}

void InferenceEngine::run() {
    for (;;) {
        std::optional<LiveJob> live;
        std::shared_ptr<BatchJob> batch;
        int threads = 1;
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || live_ || !batches_.empty(); });
            if (stopping_) break;
            threads = threads_;
            if (live_) {
                live = std::move(live_);
                live_.reset();
            } else {
                batch = batches_.front();
            }
        }
        if (threads != appliedThreads_) {
            setInferenceThreads(threads);
            appliedThreads_ = threads;
        }
        if (live) {
            runLive(std::move(*live));
        } else if (runChunk(*batch)) {
            std::lock_guard lock(mutex_);
            batches_.pop_front();
        }
    }
    const auto stopped =
        std::make_exception_ptr(Error(ErrorKind::Cancelled, "the inference engine stopped"));
    std::lock_guard lock(mutex_);
    for (auto& job : batches_) job->fail(stopped);
    batches_.clear();
}

void InferenceEngine::runLive(LiveJob job) {
    LiveResult result;
    result.id = job.id;
    if (!job.model) {
        result.error = "No model is loaded.";
    } else {
        if (cacheModel_ != job.model) {
            cache_.clear();
            cacheModel_ = job.model;
        }
        const auto start = std::chrono::steady_clock::now();
        if (auto cached = cache_.find(job.latent)) {
            result.image = std::move(*cached);
            result.fromCache = true;
        } else {
            try {
                LatentBatch z(1, job.latent.size());
                z.values = job.latent;
                result.image = std::move(job.model->decode(z).front());
                cache_.insert(job.latent, result.image);
            } catch (const std::exception& e) {
                result.error = e.what();
            }
        }
        result.milliseconds =
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start)
                .count();
    }
    if (job.id != latestLiveId()) return;  // drop stale ones
    std::lock_guard lock(liveCallbackMutex_);
    if (onLive_) onLive_(std::move(result));
}

void InferenceEngine::closeLive() {
    std::lock_guard lock(liveCallbackMutex_);
    onLive_ = {};
}

bool InferenceEngine::runChunk(BatchJob& job) {
    try {
        if (job.stop.stop_requested()) throw Error(ErrorKind::Cancelled, job.what + " cancelled");
        const std::size_t n = std::min(job.batchSize, job.total - job.done);
        if (n > 0) job.runChunk(job.done, n);
        job.done += n;
        if (job.progress &&
            !job.progress(
                job.total ? static_cast<double>(job.done) / static_cast<double>(job.total) : 1.0,
                job.what + " " + std::to_string(job.done) + " / " + std::to_string(job.total))) {
            throw Error(ErrorKind::Cancelled, job.what + " cancelled");
        }
        if (job.done < job.total) return false;
        job.complete();
    } catch (...) {
        job.fail(std::current_exception());
    }
    return true;
}

}  // namespace latent
