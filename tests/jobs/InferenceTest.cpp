// The window's inference engine without a window: what happens to batches when it goes.
#include "latent/ui/Inference.h"

#include <gtest/gtest.h>

#include <QTest>
#include <atomic>
#include <memory>

#include "latent/core/Error.h"

namespace {

using latent::ui::Inference;

// A window closing during a long export: the Inference goes while a job on its waiting
// pool decodes a large batch. The batch stops at its next chunk instead of running to the
// end (the pool waits for the job), even though the job's owner never asked it to stop.
TEST(Inference, GoingAwayStopsTheBatchesOnItsWaitingPool) {
    const auto model = latent::Model::load(LATENT_DEFAULT_MODEL);
    auto inference = std::make_unique<Inference>();
    inference->setModel(model);
    const latent::LatentBatch many(50000, model->info().latentDim);  // seconds of decoding
    std::atomic<bool> started = false;
    std::atomic<bool> finished = false;
    std::atomic<bool> cancelled = false;
    inference->waitingPool()->start([&, decode = inference->batchDecoder()] {
        started = true;
        try {
            decode(many, {});
            finished = true;
        } catch (const latent::Error& e) {
            cancelled = e.kind() == latent::ErrorKind::Cancelled;
        }
    });
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.load(); }, 10000));
    inference.reset();  // returns once the job has ended
    EXPECT_TRUE(cancelled);
    EXPECT_FALSE(finished);
}

}  // namespace
