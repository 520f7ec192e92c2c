#pragma once

#include "AccountConfig.h"
#include "AuthError.h"
#include "StorageStatus.h"

#include <QString>
#include <QUrl>

// The states of one account's session (architecture.md, "The engine").
enum class SessionState {
    SignedOut, // no grant; the login dialog is the way forward
    SigningIn, // a password grant is in flight (interactive or silent re-sign-in)
    Active, // a usable access token; a refresh deadline is scheduled
    Refreshing, // a refresh is in flight; the old access token is still served while valid
    Backoff, // a transient failure; retry later, keep serving a still-valid token
    Offline, // the network is down; no token requests except a slow probe
    ReauthRequired, // the refresh token is dead; the person must sign in again
    Revoking, // sign-out in progress; local secrets are wiped whatever the server answers
    ConfigError, // needs a human: client id/secret, TLS trust, endpoint, scope
};

QString sessionStateId(SessionState s); // "signed_out", ...

// "Refresh now" does something in these states only; the machine ignores it in the others (an
// ended sign-in has no refresh token, a refresh in flight is not doubled), so the buttons follow.
inline bool refreshNowApplies(SessionState s)
{
    return s == SessionState::Active || s == SessionState::Backoff || s == SessionState::Offline
            || s == SessionState::ConfigError;
}

// What the UI shows for one account; a value copied out of the session.
struct AccountSnapshot
{
    AccountConfig config;
    SessionState state = SessionState::SignedOut;
    StorageStatus storage = StorageStatus::Ok;
    bool hasAccessToken = false;
    qint64 accessExpiresAtMs = 0; // 0: unknown
    bool expiryEstimated = false;
    qint64 refreshUntilMs = 0; // 0: unknown
    qint64 lastRefreshMs = 0;
    qint64 nextRefreshMs = 0; // next scheduled attempt (refresh or retry); 0: none
    AuthError lastError;
    QString reauthCode; // why a sign-in is needed: lost_rotation, refresh_until_passed, ...
    qint64 reauthSinceMs = 0; // when the session ended
    bool clockSkewSuspected = false;
    QString grantedScope;
    QUrl instanceUrl; // Salesforce: where API calls go (from the token response); else empty
};

// "Revoke" has a grant to end: not signed out or already revoking, and not a first sign-in that
// has no tokens yet (ending that is the dialog's Cancel).
inline bool revokeApplies(const AccountSnapshot &s)
{
    if (s.state == SessionState::SignedOut || s.state == SessionState::Revoking)
        return false;
    return s.state != SessionState::SigningIn || s.hasAccessToken;
}
