#include "latent/core/ThreadTeam.h"

namespace latent {

ThreadTeam::ThreadTeam(int threads) {
    for (int w = 1; w < std::max(1, threads); ++w)
        workers_.emplace_back(&ThreadTeam::workerLoop, this, w);
}

ThreadTeam::~ThreadTeam() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (auto& t : workers_) t.join();
}

void ThreadTeam::runGuarded(int worker) {
    try {
        trampoline_(context_, worker);
    } catch (...) {
        std::lock_guard lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
    }
}

void ThreadTeam::runErased(void* context, Trampoline trampoline) {
    {
        std::lock_guard lock(mutex_);
        context_ = context;
        trampoline_ = trampoline;
        pending_ = static_cast<int>(workers_.size());
        failure_ = nullptr;
        ++generation_;
    }
    wake_.notify_all();
    runGuarded(0);
    std::exception_ptr failure;
    {
        std::unique_lock lock(mutex_);
        finished_.wait(lock, [&] { return pending_ == 0; });
        failure = failure_;
    }
    if (failure) std::rethrow_exception(failure);
}

void ThreadTeam::workerLoop(int worker) {
    std::size_t seen = 0;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || generation_ != seen; });
            if (stopping_) return;
            seen = generation_;
        }
        runGuarded(worker);
        {
            std::lock_guard lock(mutex_);
            --pending_;
        }
        finished_.notify_one();
    }
}

}  // namespace latent
