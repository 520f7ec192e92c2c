#pragma once

#include <QString>

// The private directory holding the agent socket: $XDG_RUNTIME_DIR/tokenkeeper. It is created
// with mode 0700 (mkdir with the mode, never chmod afterwards, S-18) and refused when it is not a
// real directory owned by this user with no group or other permission bits (S-25, M-66).
class RuntimeDirectory
{
public:
    // "$XDG_RUNTIME_DIR/tokenkeeper"; empty when XDG_RUNTIME_DIR is unset or not absolute.
    static QString defaultPath();
    static QString defaultSocketPath(); // defaultPath() + "/agent.sock"

    // Creates `path` (0700) if missing, then checks it. False with a reason otherwise.
    static bool ensure(const QString &path, QString *error);
};
