#pragma once

#include <functional>
#include <string>

namespace latent {

// Called by long jobs with the fraction done (0..1) and what they are doing.
// Returning false asks the job to stop; it then throws Error(ErrorKind::Cancelled).
using ProgressFn = std::function<bool(double fraction, const std::string& message)>;

}  // namespace latent
