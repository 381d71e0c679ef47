// The newest-wins job primitive, without a window: what is delivered, where, and what
// never is (superseded runs, cancelled runs' results, runs whose owner has gone).
#include <gtest/gtest.h>

#include <QCoreApplication>
#include <QTest>
#include <QThread>
#include <atomic>
#include <future>
#include <memory>
#include <optional>
#include <stdexcept>

#include "latent/ui/LatestJob.h"

namespace {

using latent::ui::JobOutcome;
using latent::ui::JobProgress;
using Job = latent::ui::LatestJob<int>;

// A gate a worker waits at until the test opens it.
struct Gate {
    std::promise<void> promise;
    std::shared_future<void> future = promise.get_future().share();
    void open() { promise.set_value(); }
};

TEST(LatestJobTest, DeliversTheResultOnTheContextThread) {
    QObject context;
    Job job(&context);
    std::optional<JobOutcome<int>> outcome;
    QThread* deliveredOn = nullptr;
    QThread* workedOn = nullptr;
    job.run(
        [&workedOn](const Job::Control&) {
            workedOn = QThread::currentThread();
            return 42;
        },
        [&](JobOutcome<int> o) {
            deliveredOn = QThread::currentThread();
            outcome = std::move(o);
        });
    EXPECT_TRUE(job.isRunning());
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome.has_value(); }, 5000));
    ASSERT_TRUE(outcome->result.has_value());
    EXPECT_EQ(*outcome->result, 42);
    EXPECT_TRUE(outcome->error.isEmpty());
    EXPECT_FALSE(outcome->cancelled);
    EXPECT_EQ(deliveredOn, context.thread());
    EXPECT_NE(workedOn, context.thread());
    EXPECT_FALSE(job.isRunning());
}

TEST(LatestJobTest, ANewerRunSupersedesTheOneInFlight) {
    QObject context;
    Job job(&context);
    Gate gate;
    std::atomic<bool> firstSawCancel{false};
    int firstDelivered = 0;
    std::optional<int> second;
    job.run(
        [&, wait = gate.future](const Job::Control& control) {
            wait.wait();
            firstSawCancel = control.cancelled();
            return 1;
        },
        [&](JobOutcome<int>) { ++firstDelivered; });
    job.run([](const Job::Control&) { return 2; }, [&](JobOutcome<int> o) { second = o.result; });
    EXPECT_EQ(job.latest(), 2u);
    gate.open();
    ASSERT_TRUE(QTest::qWaitFor([&] { return second.has_value(); }, 5000));
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    EXPECT_EQ(*second, 2);
    EXPECT_EQ(firstDelivered, 0);
    EXPECT_TRUE(firstSawCancel);
}

TEST(LatestJobTest, CancelledRunReportsCancelledAndStops) {
    QObject context;
    Job job(&context);
    std::optional<JobOutcome<int>> outcome;
    std::atomic<bool> started{false};
    job.run(
        [&](const Job::Control& control) -> int {
            started = true;
            while (control.report({0.5, "working"})) QThread::msleep(1);
            throw latent::Error(latent::ErrorKind::Cancelled, "stopped");
        },
        [&](JobOutcome<int> o) { outcome = std::move(o); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return started.load(); }, 5000));
    job.cancel();
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome.has_value(); }, 5000));
    EXPECT_TRUE(outcome->cancelled);
    EXPECT_FALSE(outcome->result.has_value());
    EXPECT_TRUE(outcome->error.isEmpty());
}

TEST(LatestJobTest, ADiscardedRunIsToldToStopAndNeverDelivered) {
    QObject context;
    Job job(&context);
    Gate gate;
    std::atomic<bool> sawCancel{false};
    std::atomic<bool> ended{false};
    int delivered = 0;
    job.run(
        [&, wait = gate.future](const Job::Control& control) {
            wait.wait();
            sawCancel = control.cancelled();
            ended = true;
            return 1;
        },
        [&](JobOutcome<int>) { ++delivered; });
    job.discard();
    EXPECT_FALSE(job.isRunning());
    gate.open();
    ASSERT_TRUE(QTest::qWaitFor([&] { return ended.load(); }, 5000));
    QTest::qWait(50);
    EXPECT_TRUE(sawCancel);
    EXPECT_EQ(delivered, 0);
}

TEST(LatestJobTest, WhatTheWorkThrowsBecomesTheErrorMessage) {
    QObject context;
    Job job(&context);
    std::optional<JobOutcome<int>> outcome;
    job.run([](const Job::Control&) -> int { throw std::runtime_error("the model produced NaN"); },
            [&](JobOutcome<int> o) { outcome = std::move(o); });
    ASSERT_TRUE(QTest::qWaitFor([&] { return outcome.has_value(); }, 5000));
    EXPECT_EQ(outcome->error, QString("the model produced NaN"));
    EXPECT_FALSE(outcome->cancelled);
    EXPECT_FALSE(outcome->result.has_value());
}

TEST(LatestJobTest, ProgressIsCoalescedToTheNewestReport) {
    QObject context;
    Job job(&context);
    std::vector<double> seen;
    job.onProgress([&](const JobProgress& p) { seen.push_back(p.fraction); });
    bool done = false;
    job.run(
        [](const Job::Control& control) {
            for (int i = 1; i <= 1000; ++i) control.report({i / 1000.0, "step"});
            return 0;
        },
        [&](JobOutcome<int>) { done = true; });
    QThreadPool::globalInstance()->waitForDone();  // every report is made before any delivery
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 5000));
    ASSERT_EQ(seen.size(), 1u);
    EXPECT_DOUBLE_EQ(seen.back(), 1.0);
}

TEST(LatestJobTest, ASupersededRunsProgressIsNotDelivered) {
    QObject context;
    Job job(&context);
    std::vector<std::string> seen;
    job.onProgress([&](const JobProgress& p) { seen.push_back(p.message); });
    Gate reported;
    job.run(
        [&reported](const Job::Control& control) {
            control.report({0.1, "old"});
            reported.open();
            return 1;
        },
        [](JobOutcome<int>) {});
    reported.future.wait();
    bool done = false;
    job.run(
        [](const Job::Control& control) {
            control.report({0.2, "new"});
            return 2;
        },
        [&](JobOutcome<int>) { done = true; });
    ASSERT_TRUE(QTest::qWaitFor([&] { return done; }, 5000));
    EXPECT_EQ(seen, std::vector<std::string>{"new"});
}

TEST(LatestJobTest, NothingIsDeliveredAfterTheJobIsDestroyed) {
    QObject context;
    Gate gate;
    int delivered = 0;
    {
        Job job(&context);
        job.run(
            [wait = gate.future](const Job::Control&) {
                wait.wait();
                return 1;
            },
            [&](JobOutcome<int>) { ++delivered; });
    }
    gate.open();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    EXPECT_EQ(delivered, 0);
}

TEST(LatestJobTest, NothingIsDeliveredAfterTheContextIsDestroyed) {
    auto context = std::make_unique<QObject>();
    Job job(context.get());
    Gate gate;
    int delivered = 0;
    job.run(
        [wait = gate.future](const Job::Control&) {
            wait.wait();
            return 1;
        },
        [&](JobOutcome<int>) { ++delivered; });
    context.reset();
    EXPECT_FALSE(job.isRunning());
    gate.open();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(50);
    EXPECT_EQ(delivered, 0);
}

}  // namespace
