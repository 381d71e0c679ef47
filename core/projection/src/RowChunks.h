#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace latent::detail {

// How many contiguous row chunks forEachRowChunk uses for n rows and `threads` threads.
inline std::size_t rowChunkCount(std::size_t n, int threads) {
    return std::max<std::size_t>(1, std::min<std::size_t>(static_cast<std::size_t>(std::max(1, threads)), n));
}

// Runs body(chunk, begin, end) for rowChunkCount(n, threads) contiguous chunks of [0, n), one
// thread each. The partition depends only on n and the thread count, so reductions combined
// in chunk order are deterministic for a given thread count. The first exception thrown by a
// chunk is rethrown here, on the calling thread, after every chunk has finished.
template <class Body>
void forEachRowChunk(std::size_t n, int threads, Body body) {
    const std::size_t chunks = rowChunkCount(n, threads);
    std::vector<std::exception_ptr> errors(chunks);
    auto run = [&](std::size_t c) {
        try {
            body(c, n * c / chunks, n * (c + 1) / chunks);
        } catch (...) {
            errors[c] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(chunks - 1);
    for (std::size_t c = 1; c < chunks; ++c) pool.emplace_back(run, c);
    run(0);
    for (auto& t : pool) t.join();
    for (auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace latent::detail
