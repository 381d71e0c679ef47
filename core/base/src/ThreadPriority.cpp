#include "latent/core/ThreadPriority.h"

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace latent {

void lowerCurrentThreadPriority() {
#ifdef __linux__
    // On Linux the nice value belongs to the thread, named by its kernel id.
    constexpr int kBackgroundNice = 10;
    const auto thread = static_cast<id_t>(syscall(SYS_gettid));
    if (getpriority(PRIO_PROCESS, thread) < kBackgroundNice)
        setpriority(PRIO_PROCESS, thread, kBackgroundNice);
#endif
}

}  // namespace latent
