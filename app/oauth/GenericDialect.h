#pragma once

#include "OAuthDialect.h"

// A plain RFC 6749 server (+ RFC 6750, 7009, 7662): form-encoded requests to the discovered or
// configured endpoints, client_secret_basic when a secret exists (else client_id in the body),
// relative expires_in anchored on our send time, and RFC 6750 WWW-Authenticate errors.
class GenericDialect final : public OAuthDialect
{
public:
    Dialect kind() const override { return Dialect::Generic; }
    HttpRequest loginRequest(const AccountConfig &config,
                             const Credentials &credentials) const override;
    HttpRequest refreshRequest(const AccountConfig &config, const QByteArray &refreshToken,
                               const Credentials &credentials) const override;
    QList<HttpRequest> revokeRequests(const AccountConfig &config, const TokenSet &tokens,
                                      const Credentials &credentials) const override;
    HttpRequest verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                              const Credentials &credentials) const override;
    TokenResult parseTokenReply(Grant grant, const HttpReply &reply, const AccountConfig &config,
                                const TokenSet &previous, qint64 nowMs) const override;
    AuthError classifyResourceReply(const HttpReply &reply) const override;
    AuthError classifyRevokeReply(const HttpReply &reply) const override;
    AuthError classifyVerifyReply(const HttpReply &reply, bool *active) const override;
    QList<ConfigProblem> validate(const AccountDraft &draft) const override;

    // RFC 6749 §3.3 scope: space-separated tokens of %x21 / %x23-5B / %x5D-7E.
    static bool isValidScope(const QString &scope);
    // Upper bound for refresh_expires_in style grant lifetimes (no 24 h clamp for those).
    static constexpr qint64 kMaxRefreshLifetimeSeconds = 400LL * 24 * 3600;
};
