#pragma once

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace latent {

// A fixed set of worker threads kept for the length of one long job (e.g. the thousand
// iterations of t-SNE), so each parallel step costs a wake-up instead of thread creation.
// Work is handed over as a plain function pointer plus context: no std::function, no
// allocation per step. The first exception a worker throws is rethrown by run() on the
// calling thread, which also does its share of the work.
class ThreadTeam {
public:
    explicit ThreadTeam(int threads);
    ~ThreadTeam();
    ThreadTeam(const ThreadTeam&) = delete;
    ThreadTeam& operator=(const ThreadTeam&) = delete;

    int size() const { return static_cast<int>(workers_.size()) + 1; }

    // Calls task(worker) once on each of the size() threads (worker 0 is the caller) and
    // waits for all of them.
    template <typename Task>
    void run(Task& task) {
        runErased(&task, [](void* context, int worker) { (*static_cast<Task*>(context))(worker); });
    }

    // body(i) for every i in [0, n), in chunks handed out dynamically. Each i must write
    // only its own outputs, so the result does not depend on which thread ran it.
    template <typename Body>
    void parallelFor(std::size_t n, std::size_t chunk, Body& body) {
        std::atomic<std::size_t> next{0};
        auto task = [&](int) {
            for (;;) {
                const std::size_t first = next.fetch_add(chunk, std::memory_order_relaxed);
                if (first >= n) return;
                const std::size_t last = std::min(n, first + chunk);
                for (std::size_t i = first; i < last; ++i) body(i);
            }
        };
        run(task);
    }

private:
    using Trampoline = void (*)(void*, int);
    void runErased(void* context, Trampoline trampoline);
    void workerLoop(int worker);
    void runGuarded(int worker);

    std::vector<std::thread> workers_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::condition_variable finished_;
    void* context_ = nullptr;
    Trampoline trampoline_ = nullptr;
    std::size_t generation_ = 0;
    int pending_ = 0;
    bool stopping_ = false;
    std::exception_ptr failure_;
};

}  // namespace latent
