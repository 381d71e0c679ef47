#pragma once

namespace latent {

// Lowers the calling thread's scheduling priority (nice +10 on Linux; nothing elsewhere) for
// long background work such as a projection, so that the UI thread and live decoding get
// the cores first while it runs. Threads created afterwards from this thread (a
// ThreadTeam, parallelFor) inherit the lower priority. An unprivileged process cannot
// raise it again: call this only on threads kept for such work. Failure is ignored, since
// the priority is a hint.
void lowerCurrentThreadPriority();

}  // namespace latent
