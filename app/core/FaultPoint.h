#pragma once

// Crash injection for the persistence tests (reliability.md §4, M-39..M-42). In builds with
// TOKENKEEPER_FAULT_POINTS, hit("name") kills the process with SIGKILL when the environment
// variable TOKENKEEPER_FAULT_POINT equals "name". Release packages are built without it.
namespace FaultPoint {
void hit(const char *name);
}
