#include <gtest/gtest.h>

#include <thread>

#include "latent/core/ThreadPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace {

int ownNice() {
    return getpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)));
}

TEST(ThreadPriority, LowersOnlyTheCallingThreadAndWhatItStarts) {
    const int before = ownNice();
    int lowered = 0, child = 0;
    std::thread worker([&] {
        latent::lowerCurrentThreadPriority();
        lowered = ownNice();
        std::thread([&] { child = ownNice(); }).join();
        latent::lowerCurrentThreadPriority();  // a second call changes nothing
        EXPECT_EQ(ownNice(), lowered);
    });
    worker.join();
    EXPECT_EQ(lowered, std::max(before, 10));
    EXPECT_EQ(child, lowered);
    EXPECT_EQ(ownNice(), before);
}

}  // namespace
#endif
