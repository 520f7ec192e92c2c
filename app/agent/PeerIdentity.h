#pragma once

#include <QList>
#include <QString>

// Who is on the other end of an accepted agent connection, as the kernel says (SO_PEERCRED and
// /proc), not as the caller claims: uid, pid, the executable and its file identity, the start
// time (to notice pid reuse) and the chain of parent programs ("git, from bash, from konsole").
// Same-uid processes can still impersonate each other (LD_PRELOAD, ptrace): this identifies
// programs for the person's approval; it is not a security boundary (S-28).
struct PeerIdentity
{
    struct Process
    {
        qint64 pid = 0;
        QString exe; // /proc/<pid>/exe target; empty when unreadable
        QString name; // comm
        quint64 startTime = 0; // /proc/<pid>/stat field 22 (clock ticks since boot)
        QString fileIdentity; // "dev:inode:size:mtime" of the executable; empty if unknown
    };

    bool credentialsKnown = false;
    qint64 uid = -1;
    qint64 gid = -1;
    Process process;
    QList<Process> parents; // nearest first, at most kMaxParents

    static constexpr int kMaxParents = 4;

    // Reads SO_PEERCRED from a connected AF_UNIX socket, then /proc for the pid and parents.
    static PeerIdentity fromSocket(int fd);
    static Process readProcess(qint64 pid, qint64 *parentPid);

    // The pid still belongs to the same process (its start time did not change).
    bool stillSameProcess() const;
    // The program a person approves: the caller, or, when the caller is one of Tokenkeeper's
    // own clients (tokenctl, git-credential-tokenkeeper), the nearest parent that is not.
    const Process &subject() const;
    QString programName() const; // basename of the executable (or comm)
    // "git (pid 42), started from bash, from konsole" for prompts and the event log.
    QString describe() const;
};
