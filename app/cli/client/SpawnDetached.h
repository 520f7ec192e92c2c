#pragma once

#include <string>
#include <vector>

namespace tkcli {
// Starts argv[0] (searched on PATH) with `argv` fully detached: a new session, no terminal,
// stdin/stdout/stderr on /dev/null, reparented (double fork: no zombie, nothing to wait for).
// Returns 0 once the exec succeeded, else the errno of what failed (pipe, fork or the exec
// itself, reported through a close-on-exec pipe, so a missing program fails at once).
int spawnDetached(const std::vector<std::string> &argv);
} // namespace tkcli
