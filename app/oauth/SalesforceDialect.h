#pragma once

#include "OAuthDialect.h"

// Salesforce (protocols.md §2): form-encoded token requests at /services/oauth2/token, no
// expires_in (the lifetime is the org's session timeout, so expiry is estimated), an
// instance_url that must be safe before any bearer token goes there (S-08), revocation that
// answers 400 for already-invalid tokens, and 401 JSON arrays from the REST API.
class SalesforceDialect final : public OAuthDialect
{
public:
    Dialect kind() const override { return Dialect::Salesforce; }
    HttpRequest loginRequest(const AccountConfig &config,
                             const Credentials &credentials) const override;
    HttpRequest refreshRequest(const AccountConfig &config, const QByteArray &refreshToken,
                               const Credentials &credentials) const override;
    QList<HttpRequest> revokeRequests(const AccountConfig &config, const TokenSet &tokens,
                                      const Credentials &credentials) const override;
    HttpRequest sessionProbeRequest(const AccountConfig &config,
                                    const TokenSet &tokens) const override;
    AuthError classifySessionProbe(const HttpReply &reply, bool *active) const override;
    HttpRequest verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                              const Credentials &credentials) const override;
    TokenResult parseTokenReply(Grant grant, const HttpReply &reply, const AccountConfig &config,
                                const TokenSet &previous, qint64 nowMs) const override;
    AuthError classifyResourceReply(const HttpReply &reply) const override;
    AuthError classifyRevokeReply(const HttpReply &reply) const override;
    AuthError classifyVerifyReply(const HttpReply &reply, bool *active) const override;
    QList<ConfigProblem> validate(const AccountDraft &draft) const override;

    // S-08: https (or a loopback literal for tests) and a Salesforce domain or the login host.
    static bool isAcceptableInstanceUrl(const QUrl &instanceUrl, const QUrl &loginUrl);
    // How far before our send time a server's issued_at may move the estimated expiry.
    static constexpr qint64 kMaxIssuedAtSkewMs = 5 * 60 * 1000;
};
