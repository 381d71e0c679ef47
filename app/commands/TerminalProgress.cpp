#include "TerminalProgress.h"

#include <unistd.h>

#include <csignal>
#include <cstdio>

#include "Commands.h"

namespace latent::app {
namespace {

volatile std::sig_atomic_t interruptRequested = 0;

void onInterrupt(int /*signal*/) {
    if (interruptRequested != 0) _exit(kExitCancelled);  // the job did not stop: leave now
    interruptRequested = 1;
}

bool onTerminal() {
    return isatty(STDERR_FILENO) == 1;
}

void drawBar(double fraction, const std::string& message) {
    constexpr int kWidth = 30;
    const int filled = static_cast<int>(fraction * kWidth + 0.5);
    std::string bar(static_cast<std::size_t>(filled), '#');
    bar.append(static_cast<std::size_t>(kWidth - filled), '-');
    std::fprintf(stderr, "\r[%s] %3d%% %s\033[K", bar.c_str(),
                 static_cast<int>(fraction * 100 + 0.5), message.c_str());
    if (fraction >= 1.0) std::fputc('\n', stderr);
    std::fflush(stderr);
}

}  // namespace

void installInterruptHandler() {
    struct sigaction action {};
    action.sa_handler = onInterrupt;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    // A Ctrl-C that arrived while the parent had SIGINT blocked is delivered now, to us.
    sigset_t interrupts;
    sigemptyset(&interrupts);
    sigaddset(&interrupts, SIGINT);
    sigaddset(&interrupts, SIGTERM);
    sigprocmask(SIG_UNBLOCK, &interrupts, nullptr);
}

ProgressFn terminalProgress() {
    const bool draw = onTerminal();
    return [draw](double fraction, const std::string& message) {
        if (interruptRequested != 0) {
            if (draw) std::fputc('\n', stderr);
            return false;
        }
        if (draw) drawBar(fraction, message);
        return true;
    };
}

void statusLine(const std::string& text) {
    if (onTerminal()) std::fprintf(stderr, "%s\n", text.c_str());
}

}  // namespace latent::app
