#pragma once

#include <string>

#include "latent/core/Progress.h"

namespace latent::app {

// Ctrl-C while a command runs: the first asks the running job to stop at its next
// progress report (core then throws Error(Cancelled) and nothing is written); a second
// ends the process at once. Either way the exit code is kExitCancelled.
void installInterruptHandler();

// A progress bar on stderr when stderr is a terminal; silent when piped or redirected,
// so scripts see only results and errors. Returns false (cancel) once Ctrl-C was pressed.
ProgressFn terminalProgress();

// Prints a status line to stderr only on a terminal (messages for people, not scripts).
void statusLine(const std::string& text);

}  // namespace latent::app
