#include "TerminalProgress.h"

#include <unistd.h>

#include <cstdio>

namespace latent::app {
namespace {

bool onTerminal() {
    return isatty(STDERR_FILENO) == 1;
}

}  // namespace

ProgressFn terminalProgress() {
    if (!onTerminal()) return {};
    return [](double fraction, const std::string& message) {
        constexpr int kWidth = 30;
        const int filled = static_cast<int>(fraction * kWidth + 0.5);
        std::string bar(static_cast<std::size_t>(filled), '#');
        bar.append(static_cast<std::size_t>(kWidth - filled), '-');
        std::fprintf(stderr, "\r[%s] %3d%% %s\033[K", bar.c_str(),
                     static_cast<int>(fraction * 100 + 0.5), message.c_str());
        if (fraction >= 1.0) std::fputc('\n', stderr);
        std::fflush(stderr);
        return true;
    };
}

void statusLine(const std::string& text) {
    if (onTerminal()) std::fprintf(stderr, "%s\n", text.c_str());
}

}  // namespace latent::app
