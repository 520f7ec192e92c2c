#pragma once

#include "PeerIdentity.h"

// A verified caller as the agent sees it: `exe` (with the identity of its file) run by the
// test's user from bash. Shared by the approval tests of tests/agent and tests/ui.
inline PeerIdentity peerFromBash(const QString &exe,
                                 const QString &identity = QStringLiteral("1:2:3:4"),
                                 qint64 pid = 4242)
{
    PeerIdentity p;
    p.credentialsKnown = true;
    p.uid = 1000;
    p.process.pid = pid;
    p.process.exe = exe;
    p.process.fileIdentity = identity;
    PeerIdentity::Process shell;
    shell.exe = QStringLiteral("/usr/bin/bash");
    shell.fileIdentity = QStringLiteral("5:6:7:8");
    p.parents << shell;
    return p;
}
