#include <gtest/gtest.h>

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include "latent/ui/LayoutPreviewPacer.h"

namespace {

using latent::ui::LayoutPreviewPacer;

latent::LatentBatch layoutMarked(float mark) {
    latent::LatentBatch layout(1, 2);
    layout.values = {mark, 0.0f};
    return layout;
}

float markOf(const QList<QVariant>& emitted) {
    return emitted.at(0).value<latent::LatentBatch>().values[0];
}

TEST(LayoutPreviewPacer, PassesTheFirstLayoutAtOnceThenOnlyTheNewestAfterTheInterval) {
    LayoutPreviewPacer pacer(nullptr);  // no view: frames cost nothing, the interval is the minimum
    QSignalSpy due(&pacer, &LayoutPreviewPacer::due);
    QElapsedTimer clock;
    clock.start();
    pacer.offer(layoutMarked(1));
    ASSERT_EQ(due.count(), 1);
    EXPECT_EQ(markOf(due.at(0)), 1.0f);
    pacer.offer(layoutMarked(2));
    pacer.offer(layoutMarked(3));  // replaces 2, which is never shown
    EXPECT_EQ(due.count(), 1);
    ASSERT_TRUE(due.wait(2000));
    EXPECT_GE(clock.elapsed(), LayoutPreviewPacer::kMinIntervalMs);
    EXPECT_EQ(markOf(due.at(1)), 3.0f);
    QTest::qWait(LayoutPreviewPacer::kMinIntervalMs + 100);
    EXPECT_EQ(due.count(), 2);
}

TEST(LayoutPreviewPacer, StopDropsTheLayoutStillWaitingAndTheNextRunStartsAtOnce) {
    LayoutPreviewPacer pacer(nullptr);
    QSignalSpy due(&pacer, &LayoutPreviewPacer::due);
    pacer.offer(layoutMarked(1));
    pacer.offer(layoutMarked(2));
    pacer.stop();  // the projection finished: its final map replaces any preview
    QTest::qWait(LayoutPreviewPacer::kMinIntervalMs + 100);
    EXPECT_EQ(due.count(), 1);
    pacer.offer(layoutMarked(5));  // a new run is not held back by the last one
    ASSERT_EQ(due.count(), 2);
    EXPECT_EQ(markOf(due.at(1)), 5.0f);
}

}  // namespace
