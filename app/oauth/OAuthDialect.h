#pragma once

#include "AccountConfig.h"
#include "AuthError.h"
#include "ConfigProblem.h"
#include "HttpExchange.h"
#include "TokenSet.h"

#include <memory>
#include <QList>

// The outcome of a token request: either tokens or a classified error (reliability.md §3.3).
struct TokenResult
{
    TokenSet tokens;
    AuthError error;
    bool ok() const { return !error.isError(); }
};

// One OAuth dialect (Venafi TPP, Salesforce, generic RFC 6749). Pure: builds requests and
// classifies replies; it never performs I/O, reads a clock or keeps state, so every quirk of
// protocols.md lives here and is tested with tables.
class OAuthDialect
{
public:
    enum class Grant { Password, Refresh };

    virtual ~OAuthDialect();
    virtual Dialect kind() const = 0;

    // Password grant (Venafi /vedauth/authorize/oauth, Salesforce/generic grant_type=password).
    virtual HttpRequest loginRequest(const AccountConfig &config,
                                     const Credentials &credentials) const = 0;
    // Refresh grant; `credentials` carries the client secret when the client is confidential.
    virtual HttpRequest refreshRequest(const AccountConfig &config, const QByteArray &refreshToken,
                                       const Credentials &credentials) const = 0;
    // The revocation requests, in the order they must be sent (refresh token first where the
    // dialect supports it). Empty when the server has no revocation endpoint.
    virtual QList<HttpRequest> revokeRequests(const AccountConfig &config, const TokenSet &tokens,
                                              const Credentials &credentials) const = 0;
    // Venafi can only revoke with a live access token (refresh first when it is dead).
    virtual bool revokeNeedsLiveAccessToken() const { return false; }
    // Verify (Venafi) / introspect (Salesforce, RFC 7662). Invalid request (empty url) if none.
    virtual HttpRequest verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                                      const Credentials &credentials) const = 0;
    // A light resource request that tells whether the server still accepts the access token,
    // for accounts where introspection is not allowed (Salesforce: userinfo). Empty: none.
    virtual HttpRequest sessionProbeRequest(const AccountConfig &, const TokenSet &) const
    {
        return HttpRequest();
    }
    // Its answer: None with `*active` set, or why it could not tell.
    virtual AuthError classifySessionProbe(const HttpReply &reply, bool *active) const;

    // Turns a token-endpoint reply into tokens or a classified error. `previous` supplies the
    // refresh token to keep when a refresh reply carries none (RFC 6749 §6), and the
    // refresh-until to keep when the server does not repeat it. `nowMs` is the local wall
    // clock at arrival (used with the Date header to detect clock skew, R-01).
    virtual TokenResult parseTokenReply(Grant grant, const HttpReply &reply,
                                        const AccountConfig &config, const TokenSet &previous,
                                        qint64 nowMs) const = 0;
    // Resource-server answer: None if it is not an auth problem; AccessTokenRejected when a
    // refresh can fix it (Venafi 401 invalid_token, Salesforce 401 INVALID_SESSION_ID,
    // RFC 6750 invalid_token); InsufficientScope for 403/scope (never refresh); Config for
    // non-refreshable 401s.
    virtual AuthError classifyResourceReply(const HttpReply &reply) const = 0;
    // Revocation answer: None when the server confirmed (or the token was already invalid).
    virtual AuthError classifyRevokeReply(const HttpReply &reply) const = 0;
    // Verify/introspect answer: None and `*active` set, or an error.
    virtual AuthError classifyVerifyReply(const HttpReply &reply, bool *active) const = 0;

    // Checks what a person typed for an account before anything is sent (required fields per
    // method, https, the scope grammar, methods the dialect has): the one set of rules for the
    // login dialog and `tokenctl add`. Empty when valid; the problems in the order of the form,
    // as codes (ui/ErrorText words them).
    virtual QList<ConfigProblem> validate(const AccountDraft &draft) const = 0;

    static std::unique_ptr<OAuthDialect> create(Dialect kind);
};
