#pragma once

#include <QMetaObject>
#include <QObject>
#include <QString>
#include <QThreadPool>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <stop_token>
#include <string>
#include <utility>

#include "latent/core/Error.h"
#include "latent/core/Progress.h"

namespace latent::ui {

// What a job reports while it runs. Reports are coalesced: a newer one is folded into one
// the owner has not seen yet by `update` (here it simply replaces it).
struct JobProgress {
    double fraction = 0.0;
    std::string message;
    void update(JobProgress&& newer) { *this = std::move(newer); }
};

// How a run ended, handed to `done` on the context's thread: exactly one of a result, an
// error message (what the work threw), or cancelled.
template <typename Result>
struct JobOutcome {
    std::optional<Result> result;
    QString error;
    QString errorDetails;  // latent::Error::details(): e.g. a traceback, for a "Details" button
    bool cancelled = false;
};

// The one way to run background work in the UI: newest wins. Starting a run supersedes
// the previous one, which is told to stop (JobControl::cancelled) and whose result and
// progress are never delivered. Results and coalesced progress are delivered as queued
// calls on the thread of `context`, and only while the run is still the newest, the
// LatestJob exists and `context` is alive. The work must not touch its owner: it gets
// its inputs by value and hands back a Result.
template <typename Result, typename Progress = JobProgress>
class LatestJob {
    struct Run;
    struct Slot;

public:
    // What the work sees of its run.
    class Control {
    public:
        bool cancelled() const { return run_->stop.stop_requested(); }
        // Requested when the run is superseded, discarded or cancelled: for work that waits.
        std::stop_token stopToken() const { return run_->stop.get_token(); }
        // Queues `progress` for the owner (folded into any report not yet delivered).
        // Returns false once the run is cancelled, so it can serve as a core ProgressFn.
        bool report(Progress progress) const;

    private:
        friend class LatestJob;
        Control(std::shared_ptr<Slot> slot, std::shared_ptr<Run> run) : slot_(std::move(slot)), run_(std::move(run)) {}
        std::shared_ptr<Slot> slot_;
        std::shared_ptr<Run> run_;
    };
    using Work = std::function<Result(const Control&)>;
    using Done = std::function<void(JobOutcome<Result>)>;

    // Runs go to `pool` (the global pool when null), which must outlive every run.
    explicit LatestJob(QObject* context, QThreadPool* pool = nullptr)
        : slot_(std::make_shared<Slot>()), pool_(pool ? pool : QThreadPool::globalInstance()) {
        slot_->context = context;
        contextGone_ = QObject::connect(context, &QObject::destroyed, [slot = std::weak_ptr<Slot>(slot_)] {
            if (auto s = slot.lock()) s->detach();
        });
    }
    ~LatestJob() {
        QObject::disconnect(contextGone_);
        slot_->detach();
    }
    LatestJob(const LatestJob&) = delete;
    LatestJob& operator=(const LatestJob&) = delete;

    // Called with the newest run's progress, on the context's thread.
    void onProgress(std::function<void(const Progress&)> handler) { slot_->onProgress = std::move(handler); }

    // Starts `work` on the pool, superseding the run in flight. Returns the run's number
    // (increasing), for owners that label what they show with it.
    std::uint64_t run(Work work, Done done) {
        slot_->drop();
        auto run = std::make_shared<Run>();
        run->number = ++slot_->runs;
        run->done = std::move(done);
        slot_->current = run;
        pool_->start([slot = slot_, run, work = std::move(work)] {
            auto outcome = std::make_shared<JobOutcome<Result>>();
            try {
                outcome->result.emplace(work(Control(slot, run)));
            } catch (const latent::Error& e) {
                if (e.kind() == latent::ErrorKind::Cancelled) {
                    outcome->cancelled = true;
                } else {
                    outcome->error = QString::fromStdString(e.what());
                    outcome->errorDetails = QString::fromStdString(e.details());
                }
            } catch (const std::exception& e) {
                outcome->error = QString::fromStdString(e.what());
            }
            slot->post([slot, run, outcome] { slot->finish(run, std::move(*outcome)); });
        });
        return run->number;
    }

    // Asks the newest run to stop; its `done` gets cancelled = true when it ends.
    void cancel() {
        if (slot_->current) slot_->current->stop.request_stop();
    }
    // Drops the newest run: it is told to stop, and nothing of it is delivered.
    void discard() { slot_->drop(); }
    // Whether a run's outcome is still to be delivered.
    bool isRunning() const { return slot_->current != nullptr; }
    // The number of the newest run (0 before the first).
    std::uint64_t latest() const { return slot_->runs; }

private:
    // One run, shared by its worker and the deliveries posted for it.
    struct Run {
        std::uint64_t number = 0;
        std::stop_source stop;
        Done done;  // context's thread only
        std::mutex mutex;
        std::optional<Progress> pending;  // reported, not yet delivered
        bool noticePosted = false;
    };
    // What deliveries check on the context's thread; outlives the LatestJob while runs do.
    // Nothing in it calls Qt when it is destroyed: at exit Qt destroys undelivered calls
    // while it holds the lock that posting takes.
    struct Slot {
        std::mutex postMutex;
        QObject* context = nullptr;  // guarded by postMutex; null once the job or context is gone
        std::shared_ptr<Run> current;  // the run whose outcome the owner wants
        std::uint64_t runs = 0;
        std::function<void(const Progress&)> onProgress;

        void drop() {
            if (current) current->stop.request_stop();
            current.reset();
        }
        // The job or its context is going: nothing more is posted or delivered.
        void detach() {
            drop();
            std::lock_guard lock(postMutex);
            context = nullptr;
        }
        // From any thread: `call` runs on the context's thread, unless the context has gone.
        void post(std::function<void()> call) {
            std::lock_guard lock(postMutex);
            if (context) QMetaObject::invokeMethod(context, std::move(call), Qt::QueuedConnection);
        }
        void finish(const std::shared_ptr<Run>& run, JobOutcome<Result> outcome) {
            if (run != current) return;  // superseded, or the owner has gone
            current.reset();
            if (run->stop.stop_requested() && !outcome.result) {
                outcome.cancelled = true;
                outcome.error.clear();
            }
            run->done(std::move(outcome));
        }
        void deliverProgress(const std::shared_ptr<Run>& run) {
            std::optional<Progress> progress;
            {
                std::lock_guard lock(run->mutex);
                run->noticePosted = false;
                progress.swap(run->pending);
            }
            if (run == current && progress && onProgress) onProgress(*progress);
        }
    };

    std::shared_ptr<Slot> slot_;
    QThreadPool* pool_;
    QMetaObject::Connection contextGone_;
};

template <typename Result, typename Progress>
bool LatestJob<Result, Progress>::Control::report(Progress progress) const {
    if (cancelled()) return false;
    std::lock_guard lock(run_->mutex);
    if (run_->pending) {
        run_->pending->update(std::move(progress));
    } else {
        run_->pending.emplace(std::move(progress));
    }
    if (!run_->noticePosted) {  // one notice in flight at a time; it takes the newest report
        run_->noticePosted = true;
        slot_->post([slot = slot_, run = run_] { slot->deliverProgress(run); });
    }
    return true;
}

// A run's reports as the ProgressFn core functions take (false once it is cancelled).
template <typename Control>
latent::ProgressFn reporting(const Control& control) {
    return [&control](double fraction, const std::string& message) { return control.report({fraction, message}); };
}

// Work that nothing supersedes (an export to a file the user named): a LatestJob of its
// own, which lives until the outcome is delivered or `context` is destroyed.
template <typename Result>
void runDetached(QObject* context, typename LatestJob<Result>::Work work,
                 std::function<void(JobOutcome<Result>)> done, QThreadPool* pool = nullptr) {
    auto job = std::make_shared<LatestJob<Result>>(context, pool);
    // The run's `done` holds the job: both go when the run is delivered or dropped.
    job->run(std::move(work), [job, done = std::move(done)](JobOutcome<Result> outcome) { done(std::move(outcome)); });
}

}  // namespace latent::ui
