#pragma once

#include "HttpExchange.h"
#include "SessionTypes.h"

#include <functional>
#include <QByteArray>
#include <QObject>

// One account's session as the UI and token consumers see it. The behaviour lives in the pure
// SessionMachine; this class is the thin shell that runs its effects (HTTP, keychain, deadlines)
// and feeds the results back as events.
class AccountSession : public QObject
{
    Q_OBJECT
public:
    using TokenCallback =
            std::function<void(const QByteArray &accessToken, const AuthError &error)>;

    using QObject::QObject;
    ~AccountSession() override;

    virtual QString id() const = 0;
    virtual AccountConfig config() const = 0;
    virtual AccountSnapshot snapshot() const = 0;
    SessionState state() const { return snapshot().state; }

    // Sign in with the password grant. `credentials` are wiped from memory afterwards unless
    // config().rememberCredentials (then they go to the keychain only).
    virtual void signIn(const Credentials &credentials) = 0;
    virtual void cancelSignIn() = 0;
    virtual void refreshNow() = 0;
    // Ends the grant on the server and wipes local secrets whatever the server answers.
    virtual void revoke() = 0;
    // Retry reading the keychain (after the person unlocked it).
    virtual void retryStorage() = 0;

    // Single flight: every caller during a refresh waits for that one result. The callback runs
    // synchronously, before this returns, on a cache hit (a usable, published token: the hot
    // path costs nanoseconds); otherwise later, from the event loop, exactly once, also when
    // the session is destroyed first (Cancelled "session_closed"). Callers must not assume
    // either: code that needs a deferred answer posts its own continuation.
    virtual void withFreshToken(TokenCallback callback) = 0;
    // A resource server rejected `accessToken`; refreshes once if it is still the current token.
    virtual void reportRejected(const QByteArray &accessToken) = 0;
    // Calls a resource with the current access token as a Bearer header; when the server rejects
    // the token (dialect-specific), refreshes once and retries once (M-34); a second rejection
    // or an insufficient scope (never refreshed, M-35) comes back as `error`.
    using ResourceCallback = std::function<void(const HttpReply &reply, const AuthError &error)>;
    virtual void callResource(const HttpRequest &request, ResourceCallback callback) = 0;
    // The current access token if usable now (for "Copy access token"); empty otherwise.
    virtual QByteArray currentAccessToken() const = 0;

Q_SIGNALS:
    void changed();
    void signInFinished(const AuthError &error); // None on success
    void reauthRequired(const AuthError &why); // once per failure, not per caller
    // `problem`: why the server did not confirm (or a note, e.g. grant_already_ended); codes
    // only, ui/ErrorText::revokeProblem words it.
    void revokeFinished(bool serverConfirmed, const AuthError &problem);
    void refreshTokenExpiringSoon(qint64 refreshUntilMs); // days ahead (Venafi refresh_until)
    void logEvent(const QString &line); // redacted, for the event log
    // Browser sign-in: the UI opens `url` (QDesktopServices, or $BROWSER) and shows it with a
    // Copy button for when no browser opens. app/ never opens a browser itself.
    void browserSignInRequested(const QUrl &url);
    // Device sign-in: the code the person enters at `verificationUri` (only on the server's own
    // page, RFC 8628 §5.4), until `expiresAtMs`.
    void deviceCodeReady(const QString &userCode, const QUrl &verificationUri,
                         const QUrl &verificationUriComplete, qint64 expiresAtMs);
};
