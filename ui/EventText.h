#pragma once

#include <QCoreApplication>
#include <QString>

// Turns the engine's log lines ("sign-in failed: BadCredentials(invalid_grant) status=400") into
// the event log's sentences ("Wrong username or password"), keeping the line itself as the code
// for the details tooltip and the copied text. Also says how much each kind of event matters, so
// an overflow drops routine renewals before sign-ins, failures and revocations.
class EventText
{
    Q_DECLARE_TR_FUNCTIONS(EventText)
public:
    enum class Kind { Routine, SignIn, Failure, Revocation };
    struct Event
    {
        QString sentence;
        Kind kind = Kind::Routine;
        bool known = true; // false: the line itself, capitalised (no sentence of ours for it)
    };

    // `line` without the engine's time stamp and account prefix (see stripPrefix).
    static Event describe(const QString &line);
    // "2026-12-02T04:41:01 Demo OAuth 2.0: refreshed" -> "refreshed" (the model keeps its own
    // time and account).
    static QString stripPrefix(const QString &line, const QString &account);
};
