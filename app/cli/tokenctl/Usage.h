#pragma once

// tokenctl --help: the verbs, the flags and the exit codes (also in the man page).
const char *tokenctlUsage();
