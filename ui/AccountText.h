#pragma once

#include "SessionTypes.h"

#include <QCoreApplication>

// The words the window, tray and dialogs use for an account: its name, its state with what
// happens next, and its problems. One plain, actionable sentence each, never token material
// (I-6, S-24).
class AccountText
{
    Q_DECLARE_TR_FUNCTIONS(AccountText)
public:
    static QString name(const AccountConfig &config);
    // "tpp.example.com", or "127.0.0.1:8443" where a port tells servers on one host apart.
    static QString hostAndPort(const AccountConfig &config);
    static QString stateName(SessionState state);
    // "Signed in", "Retrying in 2 min", "Sign-in needed: the refresh token expired", ...
    static QString state(const AccountSnapshot &s, qint64 nowMs = 0);
    static QString accessExpiry(const AccountSnapshot &s, qint64 nowMs);
    static QString lastError(const AccountSnapshot &s);
    // The list's one line under the name: "Signed in · access token expires in 59 min",
    // "Renewing…", "The server is not answering" (a request in flight for long), ...
    static QString statusLine(const AccountSnapshot &s, qint64 nowMs, bool notAnswering = false);
    // A browser or device sign-in under way: it waits on the person (for minutes), not on a
    // silent server.
    static bool waitsOnPerson(const AccountSnapshot &s);
    // A word or two for the storage column (the full sentence is its tooltip).
    static QString storageShort(StorageStatus status);
    // One tooltip line: "Name: Signed in; access token in 1 h 59 min; sign-in ends in 89 d".
    static QString summaryLine(const AccountSnapshot &s, qint64 nowMs);
    // The re-prompt reason: "Your session with venafi.example.com ended on 23 Nov at 14:02 —
    // the refresh token expired".
    static QString reauthReason(const AccountSnapshot &s);
    // Why a grant ended, in a few plain words, from the engine's reason code.
    static QString reauthPhrase(const QString &code, const AuthError &error);
};
