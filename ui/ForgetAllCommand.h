#pragma once

#include <QString>

// `tokenkeeper --forget-all`: removes every secret Tokenkeeper stored in the keychain and the
// accounts (ForgetAll does the work), printing what it removed. Runs without a display (SSH,
// uninstall scripts) and refuses while Tokenkeeper runs (it would write the tokens back).
// Returns the process exit code: 0 when everything is gone, 1 otherwise.
namespace ForgetAllCommand {
int run(const QString &name); // "tokenkeeper" or "tokenkeeper-demo": the keychain service
} // namespace ForgetAllCommand
