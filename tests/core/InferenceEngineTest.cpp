#include "latent/core/InferenceEngine.h"

#include <gtest/gtest.h>

#include <chrono>
#include <condition_variable>
#include <mutex>

#include "ModelFixtures.h"

namespace {

// Collects live results delivered on the worker thread.
struct LiveResults {
    std::mutex mutex;
    std::condition_variable arrived;
    std::vector<latent::LiveResult> results;

    latent::InferenceEngine::LiveCallback callback() {
        return [this](latent::LiveResult r) {
            std::lock_guard lock(mutex);
            results.push_back(std::move(r));
            arrived.notify_all();
        };
    }
    // Waits until a result with `id` arrives; false after 30 s.
    bool waitFor(std::uint64_t id) {
        std::unique_lock lock(mutex);
        return arrived.wait_for(lock, std::chrono::seconds(30), [&] {
            return !results.empty() && results.back().id >= id;
        });
    }
};

std::shared_ptr<const latent::Model> mlpVae() {
    static const auto model = latent::Model::load(fixture("mlp_vae.pt"));
    return model;
}

std::vector<float> latentOf(float v) { return std::vector<float>(8, v); }

template <typename T>
void expectCancelled(std::future<T>& future) {
    try {
        future.get();
        FAIL() << "the job was not cancelled";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
}

TEST(InferenceEngine, LiveResultMatchesDirectDecodeAndRepeatsComeFromTheCache) {
    LiveResults live;
    latent::InferenceEngine engine(live.callback());
    engine.setModel(mlpVae());
    const auto first = engine.requestLive(latentOf(0.3f));
    ASSERT_TRUE(live.waitFor(first));
    latent::LatentBatch z(1, 8);
    z.values = latentOf(0.3f);
    const auto direct = mlpVae()->decode(z).front();
    EXPECT_TRUE(live.results.back().error.empty());
    EXPECT_FALSE(live.results.back().fromCache);
    EXPECT_EQ(live.results.back().image.pixels, direct.pixels);
    const auto again = engine.requestLive(latentOf(0.3f));
    ASSERT_TRUE(live.waitFor(again));
    EXPECT_TRUE(live.results.back().fromCache);
    EXPECT_EQ(live.results.back().image.pixels, direct.pixels);
}

TEST(InferenceEngine, LiveRequestsAreLatestWinsWithIncreasingIds) {
    LiveResults live;
    latent::InferenceEngine engine(live.callback());
    engine.setModel(mlpVae());
    std::uint64_t last = 0;
    for (int i = 0; i < 200; ++i) {
        const auto id = engine.requestLive(latentOf(static_cast<float>(i) * 0.01f));
        EXPECT_GT(id, last);
        last = id;
    }
    EXPECT_EQ(engine.latestLiveId(), last);
    ASSERT_TRUE(live.waitFor(last));
    std::lock_guard lock(live.mutex);
    EXPECT_EQ(live.results.back().id, last);
    EXPECT_LT(live.results.size(), 200u);  // superseded requests were dropped, not queued
    for (std::size_t i = 1; i < live.results.size(); ++i) {
        EXPECT_GT(live.results[i].id, live.results[i - 1].id);  // never an older image after a newer
    }
}

TEST(InferenceEngine, WithoutAModelLiveRequestsReportAnError) {
    LiveResults live;
    latent::InferenceEngine engine(live.callback());
    ASSERT_TRUE(live.waitFor(engine.requestLive(latentOf(0))));
    EXPECT_FALSE(live.results.back().error.empty());
    EXPECT_THROW(engine.decodeBatch(latent::LatentBatch(1, 8)), latent::Error);
}

TEST(InferenceEngine, BatchDecodeMatchesDirectDecodeWithProgress) {
    latent::InferenceEngine engine({}, 16, 2);
    engine.setModel(mlpVae());
    latent::LatentBatch z(10, 8);
    for (std::size_t i = 0; i < z.values.size(); ++i) z.values[i] = std::sin(static_cast<float>(i));
    std::vector<double> fractions;
    auto images = engine.decodeBatch(z, 4, [&](double f, const std::string&) {
        fractions.push_back(f);
        return true;
    }).get();
    EXPECT_EQ(fractions, (std::vector<double>{0.4, 0.8, 1.0}));
    const auto direct = mlpVae()->decode(z);
    ASSERT_EQ(images.size(), 10u);
    for (std::size_t i = 0; i < 10; ++i) {  // chunks of 4 vs one GEMM: float sums may differ
        for (std::size_t p = 0; p < direct[i].pixels.size(); ++p) {
            ASSERT_NEAR(images[i].pixels[p], direct[i].pixels[p], 1e-5);
        }
    }
    EXPECT_EQ(engine.threads(), 2);
}

TEST(InferenceEngine, CancelledBatchThrowsCancelled) {
    latent::InferenceEngine engine({});
    engine.setModel(mlpVae());
    int calls = 0;
    auto future = engine.decodeBatch(latent::LatentBatch(100, 8), 10, [&](double, const std::string&) {
        return ++calls < 3;
    });
    expectCancelled(future);
    EXPECT_EQ(calls, 3);
}

TEST(InferenceEngine, ABatchStoppedBeforeItRunsIsCancelledWithoutDecoding) {
    latent::InferenceEngine engine({});
    engine.setModel(mlpVae());
    std::stop_source stop;
    stop.request_stop();
    int calls = 0;
    auto future = engine.decodeBatch(latent::LatentBatch(100, 8), 10, [&](double, const std::string&) {
        ++calls;
        return true;
    }, stop.get_token());
    expectCancelled(future);
    EXPECT_EQ(calls, 0);
}

TEST(InferenceEngine, AfterCloseLiveNoLiveResultIsDelivered) {
    LiveResults live;
    latent::InferenceEngine engine(live.callback());
    engine.setModel(mlpVae());
    ASSERT_TRUE(live.waitFor(engine.requestLive(latentOf(0.1f))));
    engine.closeLive();
    const auto unseen = engine.requestLive(latentOf(0.2f));
    engine.decodeBatch(latent::LatentBatch(1, 8)).get();  // the live request ran before this batch
    std::lock_guard lock(live.mutex);
    ASSERT_EQ(live.results.size(), 1u);
    EXPECT_LT(live.results.back().id, unseen);
}

TEST(InferenceEngine, EncodesADatasetInBatches) {
    latent::InferenceEngine engine({});
    engine.setModel(mlpVae());
    auto data = std::make_shared<latent::Dataset>();
    data->shape = {1, 28, 28};
    data->count = 5;
    data->pixels.resize(5 * 784);
    for (std::size_t i = 0; i < data->pixels.size(); ++i) data->pixels[i] = static_cast<std::uint8_t>(i % 251);
    const auto z = engine.encodeDataset(data, 2).get();
    const auto direct = mlpVae()->encode(data->floatPixels(0, 5).data(), 5);
    ASSERT_EQ(z.values.size(), direct.values.size());
    for (std::size_t i = 0; i < z.values.size(); ++i) EXPECT_NEAR(z.values[i], direct.values[i], 1e-5);
}

TEST(InferenceEngine, DestroyingWithQueuedWorkCancelsIt) {
    std::future<std::vector<latent::Image>> future;
    {
        latent::InferenceEngine engine({});
        engine.setModel(mlpVae());
        future = engine.decodeBatch(latent::LatentBatch(100000, 8), 1);
    }
    try {
        future.get();
        FAIL() << "the batch finished although the engine was destroyed";
    } catch (const latent::Error& e) {
        EXPECT_EQ(e.kind(), latent::ErrorKind::Cancelled);
    }
}

}  // namespace
