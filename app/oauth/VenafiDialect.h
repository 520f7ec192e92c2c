#pragma once

#include "OAuthDialect.h"

// Venafi TPP `vedauth` (protocols.md §1): JSON bodies, the path selects the grant, absolute
// `expires` / `refresh_until` anchored to the server's Date header, rotation on every refresh,
// and error text that often lives only in the HTTP reason phrase.
class VenafiDialect final : public OAuthDialect
{
public:
    Dialect kind() const override { return Dialect::Venafi; }
    HttpRequest loginRequest(const AccountConfig &config,
                             const Credentials &credentials) const override;
    HttpRequest refreshRequest(const AccountConfig &config, const QByteArray &refreshToken,
                               const Credentials &credentials) const override;
    QList<HttpRequest> revokeRequests(const AccountConfig &config, const TokenSet &tokens,
                                      const Credentials &credentials) const override;
    bool revokeNeedsLiveAccessToken() const override { return true; }
    HttpRequest verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                              const Credentials &credentials) const override;
    TokenResult parseTokenReply(Grant grant, const HttpReply &reply, const AccountConfig &config,
                                const TokenSet &previous, qint64 nowMs) const override;
    AuthError classifyResourceReply(const HttpReply &reply) const override;
    AuthError classifyRevokeReply(const HttpReply &reply) const override;
    AuthError classifyVerifyReply(const HttpReply &reply, bool *active) const override;
    QList<ConfigProblem> validate(const AccountDraft &draft) const override;

    // "https://tpp.example/vedsdk/" -> "https://tpp.example/" (vcert's normalizeURL): always
    // ends with '/', a trailing "vedsdk" segment removed, query and fragment dropped.
    static QUrl normalizeBaseUrl(const QUrl &serverUrl);
    // `name[:restr[,restr]*](;name...)*` without spaces (protocols.md §1.5).
    static bool isValidScope(const QString &scope);
    // |server Date − local clock| above this is flagged as clock skew (R-01, M-23).
    static constexpr qint64 kSkewThresholdMs = 5 * 60 * 1000;
    // Sanity bound for the absolute `expires` (TPP defaults to 90 days; grants to a year).
    static constexpr qint64 kMaxAbsoluteLifetimeMs = 400LL * 24 * 3600 * 1000;
};
