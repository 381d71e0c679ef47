#pragma once

#include <string>

#include "latent/core/Progress.h"

namespace latent::app {

// A progress bar on stderr when stderr is a terminal; silent when piped or redirected,
// so scripts see only results and errors.
ProgressFn terminalProgress();

// Prints a status line to stderr only on a terminal (messages for people, not scripts).
void statusLine(const std::string& text);

}  // namespace latent::app
