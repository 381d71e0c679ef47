#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QTimer>
#include <algorithm>
#include <cstdint>
#include <fstream>

// A heartbeat on the GUI thread: a 5 ms timer that records the longest gap between its
// ticks. A background job must never keep the event loop from running it for longer than
// kMaxUiStallMs: the app would feel frozen.
//
// A gap counts the time the GUI thread ran or waited (for a lock, the disk, the GL
// rasteriser) but not the time it was ready to run and the kernel gave the CPU to another
// process: on a loaded test machine that is the machine's load, not the app's (Linux's
// per-thread schedstat reports it).
class UiHeartbeat {
public:
    static constexpr qint64 kMaxUiStallMs = 100;

    UiHeartbeat() {
        timer_.setTimerType(Qt::PreciseTimer);
        QObject::connect(&timer_, &QTimer::timeout, [this] { tick(); });
        restart();
        timer_.start(5);
    }

    // Forgets the gaps so far (e.g. before a job starts).
    void restart() {
        sinceTick_.start();
        waitAtTick_ = runQueueWaitNs();
        longestMs_ = 0;
        longestWallMs_ = 0;
    }

    // The longest the event loop went without running the heartbeat, up to now.
    qint64 longestStallMs() const { return std::max(longestMs_, gapMs(sinceTick_.elapsed(), runQueueWaitNs())); }
    // The same in wall-clock time, load included (for the test's log).
    qint64 longestWallGapMs() const { return std::max(longestWallMs_, sinceTick_.elapsed()); }

private:
    // Nanoseconds this thread has spent runnable but not running (0 where unknown).
    static std::uint64_t runQueueWaitNs() {
        std::ifstream stat("/proc/thread-self/schedstat");
        std::uint64_t onCpu = 0, waiting = 0;
        stat >> onCpu >> waiting;
        return stat ? waiting : 0;
    }

    qint64 gapMs(qint64 wallMs, std::uint64_t waitNow) const {
        const auto waitedMs = static_cast<qint64>((waitNow - waitAtTick_) / 1000000);
        return std::max<qint64>(0, wallMs - waitedMs);
    }

    void tick() {
        const qint64 wall = sinceTick_.restart();
        const std::uint64_t wait = runQueueWaitNs();
        longestMs_ = std::max(longestMs_, gapMs(wall, wait));
        longestWallMs_ = std::max(longestWallMs_, wall);
        waitAtTick_ = wait;
    }

    QTimer timer_;
    QElapsedTimer sinceTick_;
    std::uint64_t waitAtTick_ = 0;
    qint64 longestMs_ = 0;
    qint64 longestWallMs_ = 0;
};
