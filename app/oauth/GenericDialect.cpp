#include "GenericDialect.h"

#include "EndpointPolicy.h"
#include "FormEncoding.h"
#include "Lifetime.h"
#include "ReplyClassifier.h"
#include "TokenReply.h"
#include "WwwAuthenticate.h"

#include <QJsonObject>

namespace {

// client_secret_basic when there is a secret, else a public client names itself in the body.
HttpRequest clientPost(const QUrl &url, FormEncoding::Fields fields, const AccountConfig &config,
                       const Credentials &credentials, const QString &purpose)
{
    HttpRequest r;
    r.url = url;
    r.headers = {{QByteArrayLiteral("Content-Type"),
                  QByteArrayLiteral("application/x-www-form-urlencoded")},
                 {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    // The same client authentication for token, revocation and introspection (RFC 6749
    // §2.3.1, RFC 7009 §2.1, RFC 7662 §2.1): a public client names itself, a confidential one
    // uses the method the account (or discovery) chose.
    if (credentials.clientSecret.isEmpty()) {
        fields.append({QByteArrayLiteral("client_id"), config.clientId.toUtf8()});
    } else if (config.clientAuthMethod == QLatin1String("client_secret_post")) {
        fields.append({QByteArrayLiteral("client_id"), config.clientId.toUtf8()});
        fields.append({QByteArrayLiteral("client_secret"), credentials.clientSecret});
    } else {
        r.headers.append({QByteArrayLiteral("Authorization"),
                          FormEncoding::basicAuthorization(config.clientId.toUtf8(),
                                                           credentials.clientSecret)});
    }
    r.body = FormEncoding::encode(fields);
    r.purpose = purpose;
    return r;
}

} // namespace

bool GenericDialect::isValidScope(const QString &scope)
{
    if (scope.isEmpty())
        return true;
    const QStringList parts = scope.split(QLatin1Char(' '));
    for (const QString &part : parts) {
        if (part.isEmpty())
            return false; // leading, trailing or double spaces
        for (const QChar c : part) {
            const ushort u = c.unicode();
            if (u < 0x21 || u > 0x7E || u == 0x22 || u == 0x5C)
                return false;
        }
    }
    return true;
}

HttpRequest GenericDialect::loginRequest(const AccountConfig &config,
                                         const Credentials &credentials) const
{
    FormEncoding::Fields fields{{QByteArrayLiteral("grant_type"), QByteArrayLiteral("password")},
                                {QByteArrayLiteral("username"), config.username.toUtf8()},
                                {QByteArrayLiteral("password"), credentials.password}};
    if (!config.scope.isEmpty())
        fields.append({QByteArrayLiteral("scope"), config.scope.toUtf8()});
    return clientPost(config.tokenEndpoint, fields, config, credentials, QStringLiteral("login"));
}

HttpRequest GenericDialect::refreshRequest(const AccountConfig &config,
                                           const QByteArray &refreshToken,
                                           const Credentials &credentials) const
{
    // No scope: omitted means "as originally granted" (RFC 6749 §6).
    FormEncoding::Fields fields{
            {QByteArrayLiteral("grant_type"), QByteArrayLiteral("refresh_token")},
            {QByteArrayLiteral("refresh_token"), refreshToken}};
    return clientPost(config.tokenEndpoint, fields, config, credentials, QStringLiteral("refresh"));
}

QList<HttpRequest> GenericDialect::revokeRequests(const AccountConfig &config,
                                                  const TokenSet &tokens,
                                                  const Credentials &credentials) const
{
    // RFC 7009: refresh token first (the server SHOULD then drop its access tokens).
    QList<HttpRequest> out;
    if (config.revocationEndpoint.isEmpty())
        return out;
    if (tokens.hasRefreshToken())
        out << clientPost(
                config.revocationEndpoint,
                {{QByteArrayLiteral("token"), tokens.refreshToken},
                 {QByteArrayLiteral("token_type_hint"), QByteArrayLiteral("refresh_token")}},
                config, credentials, QStringLiteral("revoke"));
    if (tokens.hasAccessToken())
        out << clientPost(
                config.revocationEndpoint,
                {{QByteArrayLiteral("token"), tokens.accessToken},
                 {QByteArrayLiteral("token_type_hint"), QByteArrayLiteral("access_token")}},
                config, credentials, QStringLiteral("revoke"));
    return out;
}

HttpRequest GenericDialect::verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                                          const Credentials &credentials) const
{
    if (config.introspectionEndpoint.isEmpty())
        return HttpRequest();
    return clientPost(config.introspectionEndpoint,
                      {{QByteArrayLiteral("token"), tokens.accessToken},
                       {QByteArrayLiteral("token_type_hint"), QByteArrayLiteral("access_token")}},
                      config, credentials, QStringLiteral("verify"));
}

TokenResult GenericDialect::parseTokenReply(Grant grant, const HttpReply &reply,
                                            const AccountConfig &, const TokenSet &previous,
                                            qint64 nowMs) const
{
    TokenResult result;
    TokenSet t;
    QJsonObject obj;
    if (!TokenReply::readStandardReply(reply, grant, previous, nowMs, &result, &t, &obj))
        return result;
    // relative to the moment we sent the request (conservative).
    const qint64 seconds = Lifetime::parseSeconds(obj.value(QLatin1String("expires_in")));
    if (seconds != Lifetime::kUnknown)
        t.accessExpiresAtMs = t.issuedAtMs + seconds * 1000;
    qint64 refreshSeconds = Lifetime::parseSeconds(obj.value(QLatin1String("refresh_expires_in")),
                                                   kMaxRefreshLifetimeSeconds);
    if (refreshSeconds == Lifetime::kUnknown)
        refreshSeconds = Lifetime::parseSeconds(
                obj.value(QLatin1String("refresh_token_expires_in")), kMaxRefreshLifetimeSeconds);
    if (refreshSeconds != Lifetime::kUnknown)
        t.refreshUntilMs = t.issuedAtMs + refreshSeconds * 1000;
    else if (grant == Grant::Refresh && t.refreshToken == previous.refreshToken)
        t.refreshUntilMs = previous.refreshUntilMs;
    result.tokens = t;
    return result;
}

AuthError GenericDialect::classifyResourceReply(const HttpReply &reply) const
{
    using K = AuthError::Kind;
    if (!reply.isHttp() || (reply.status != 401 && reply.status != 403))
        return AuthError();
    const AuthChallenge challenge = WwwAuthenticate::parse(reply.header("WWW-Authenticate"));
    const QString error = QString::fromUtf8(challenge.param("error"));
    const QString description = ReplyClassifier::cleanText(challenge.param("error_description"));
    if (error == QLatin1String("insufficient_scope"))
        return ReplyClassifier::withEvidence(AuthError(K::InsufficientScope, error, description),
                                             reply);
    if (reply.status == 401) {
        // invalid_token, or no error attribute (token missing / not accepted): refresh once;
        // the session guarantees "once" (RFC 6750 §3.1, protocols.md §3.3).
        if (error.isEmpty() || error == QLatin1String("invalid_token"))
            return ReplyClassifier::withEvidence(
                    AuthError(K::AccessTokenRejected,
                              error.isEmpty() ? QStringLiteral("invalid_token") : error,
                              description),
                    reply);
        return ReplyClassifier::withEvidence(AuthError(K::Config, error, description), reply);
    }
    return AuthError(); // a 403 that is not about scope is a permission answer, not auth
}

AuthError GenericDialect::classifyRevokeReply(const HttpReply &reply) const
{
    if (reply.isHttp() && reply.status == 200)
        return AuthError();
    const AuthError common = ReplyClassifier::commonError(reply); // 503 + Retry-After here
    if (common.isError())
        return common;
    QString code, description;
    TokenReply::readOAuthError(reply, &code, &description);
    if (code == QLatin1String("unsupported_token_type")) {
        // The server cannot revoke this kind of token: nothing more we can do, not confirmed.
        return ReplyClassifier::withEvidence(
                AuthError(AuthError::Kind::None, code, ReplyClassifier::cleanText(description)),
                reply);
    }
    return ReplyClassifier::withEvidence(
            ReplyClassifier::oauthError(
                    code.isEmpty() ? QStringLiteral("http_") + QString::number(reply.status) : code,
                    description, Grant::Refresh),
            reply);
}

AuthError GenericDialect::classifyVerifyReply(const HttpReply &reply, bool *active) const
{
    return ReplyClassifier::introspection(reply, active);
}

QList<ConfigProblem> GenericDialect::validate(const AccountDraft &draft) const
{
    using F = ConfigProblem::Field;
    QList<ConfigProblem> out;
    DraftCheck::url(&out, F::Server, draft.server, !draft.manualEndpoints);
    if (draft.manualEndpoints) {
        DraftCheck::url(&out, F::TokenEndpoint, draft.tokenEndpoint, true);
        DraftCheck::url(&out, F::RevocationEndpoint, draft.revocationEndpoint, false);
    }
    DraftCheck::common(&out, draft);
    if (!isValidScope(draft.scope.trimmed())) {
        ConfigProblem p;
        p.field = F::Scope;
        p.code = ConfigProblem::Code::ScopeGrammar;
        out.append(p);
    }
    return out;
}
