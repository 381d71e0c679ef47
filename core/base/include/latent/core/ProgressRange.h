#pragma once

#include <string>

#include "latent/core/Progress.h"

namespace latent {

// `progress` for a part of a job: the part's fractions 0..1 reported as [from, to] of the
// whole. `message`, when not empty, replaces the part's own messages. Empty when
// `progress` is.
inline ProgressFn subRange(const ProgressFn& progress, double from, double to, const std::string& message = {}) {
    if (!progress) return {};
    return [=](double f, const std::string& own) { return progress(from + (to - from) * f, message.empty() ? own : message); };
}

}  // namespace latent
