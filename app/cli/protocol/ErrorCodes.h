#pragma once

#include <string>

// The error codes an agent reply carries (`code`) and the `tokenctl` exit code each maps to.
// The agent decides the code; every client maps it the same way (documented in --help).
namespace tkwire {

enum ExitCode : int {
    ExitOk = 0,
    ExitOther = 1,
    ExitUsage = 2,
    ExitSignInNeeded = 3,
    ExitKeychainLocked = 4,
    ExitOffline = 5,
    ExitDenied = 6,
    ExitNotRunning = 7,
};

namespace code {
constexpr const char *kSignInRequired = "signin_required"; // 3
constexpr const char *kKeychainLocked = "keychain_locked"; // 4
constexpr const char *kOffline = "offline"; // 5: server unreachable, network down
constexpr const char *kDenied = "denied"; // 6: the person or the account's policy said no
constexpr const char *kNotFound = "not_found"; // no such account
constexpr const char *kAmbiguous = "ambiguous"; // several accounts match
constexpr const char *kBadRequest = "bad_request"; // malformed or unknown request
constexpr const char *kUnsupportedVersion = "unsupported_version";
constexpr const char *kFrameTooLarge = "frame_too_large";
constexpr const char *kBusy = "busy"; // too many concurrent connections; retry shortly
constexpr const char *kTimeout = "timeout";
constexpr const char *kConfig = "config_error"; // needs a person to change the account
constexpr const char *kInvalid = "invalid"; // add: validation failed (message says which field)
constexpr const char *kInternal = "internal";
constexpr const char *kInProgress = "in_progress"; // login: a sign-in of the account is under way
} // namespace code

int exitCodeFor(const std::string &errorCode);

} // namespace tkwire
