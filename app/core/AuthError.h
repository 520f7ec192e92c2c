#pragma once

#include <QString>

// An error is a value that decides the state machine's next step (reliability.md §3.3).
// `kind` is the decision; the rest is evidence for the person and the log (never token material).
struct AuthError
{
    enum class Kind {
        None,
        GrantDead, // the refresh token is dead: sign in again (invalid_grant on refresh, ...)
        BadCredentials, // password grant rejected: wrong username/password, locked account
        Transient, // 5xx, 429, 408, connection refused/reset, DNS: retry with backoff
        Ambiguous, // request may have been processed (timeout after send, unparseable 2xx)
        Config, // invalid_client, unauthorized_client, unsupported_grant_type, 404/405, ...
        Scope, // requested scope not allowed (invalid_scope, Venafi 403 Failed to issue grant)
        Tls, // certificate problem; host + fingerprint in `detail`
        Redirect, // a token/revoke endpoint answered 3xx; target in `detail`
        Offline, // the network is down according to the system
        AccessTokenRejected, // resource said the access token is invalid/expired (refreshable)
        InsufficientScope, // resource said 403/scope: never refresh
        Cancelled, // the person or the engine aborted the request
        Storage, // the keychain failed in a way that blocks the operation
    };

    Kind kind = Kind::None;
    QString code; // RFC 6749 `error`, or an internal code such as "http_404", "lost_rotation"
    QString description; // server's error_description / reason phrase, trimmed, never a token
    int httpStatus = 0;
    QString reasonPhrase;
    qint64 retryAfterMs = -1; // from Retry-After, already capped; -1 when absent
    QString detail; // e.g. "host=… sha256=…" for TLS, target host for redirects

    AuthError() = default;
    AuthError(Kind k, QString c, QString d = {})
        : kind(k), code(std::move(c)), description(std::move(d))
    { }

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }
    // Whether a retry later can succeed without a human changing anything.
    bool isRetryable() const
    {
        return kind == Kind::Transient || kind == Kind::Ambiguous || kind == Kind::Offline;
    }
    // Needs a person to change configuration (not just sign in again).
    bool needsConfiguration() const
    {
        return kind == Kind::Config || kind == Kind::Scope || kind == Kind::Tls
                || kind == Kind::Redirect;
    }

    static QString kindName(Kind kind);
    // The sentence for the person is ui/ErrorText's (the engine carries kinds and codes only).
    // Compact form for logs: "Transient(http_503) status=503".
    QString toLogString() const;
};
