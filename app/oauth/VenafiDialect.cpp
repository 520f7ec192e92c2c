#include "VenafiDialect.h"

#include "EndpointPolicy.h"
#include "HttpDate.h"
#include "Lifetime.h"
#include "ReplyClassifier.h"
#include "TokenReply.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace {

QUrl endpoint(const AccountConfig &config, const char *path)
{
    return VenafiDialect::normalizeBaseUrl(config.serverUrl)
            .resolved(QUrl(QString::fromLatin1(path)));
}

HttpHeaders jsonHeaders()
{
    return {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")}};
}

HttpRequest bearerGet(const AccountConfig &config, const char *path, const TokenSet &tokens,
                      const QString &purpose)
{
    HttpRequest r;
    r.method = QByteArrayLiteral("GET");
    r.url = endpoint(config, path);
    r.headers = {
            {QByteArrayLiteral("Authorization"), QByteArrayLiteral("Bearer ") + tokens.accessToken},
            {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
            {QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-cache")}};
    r.purpose = purpose;
    return r;
}

// TPP puts its message in the status line as often as in the body: search both.
QString replyText(const HttpReply &reply)
{
    return QString::fromUtf8(reply.reasonPhrase) + QLatin1Char(' ')
            + QString::fromUtf8(reply.body.left(4096));
}

bool mentions(const QString &text, const char *needle)
{
    return text.contains(QLatin1String(needle), Qt::CaseInsensitive);
}

bool isClientIdMismatch(const QString &text)
{
    return mentions(text, "client_id") && mentions(text, "does not match");
}

bool isTokenRejection(const QString &text)
{
    return mentions(text, "invalid_token") || mentions(text, "expired_token")
            || mentions(text, "session_error") || mentions(text, "not found");
}

QString descriptionOf(const HttpReply &reply)
{
    QString code, description;
    if (TokenReply::readOAuthError(reply, &code, &description) && !description.isEmpty())
        return ReplyClassifier::cleanText(description);
    if (!reply.reasonPhrase.isEmpty())
        return ReplyClassifier::cleanText(reply.reasonPhrase);
    return QString();
}

AuthError evidence(AuthError::Kind kind, const QString &code, const HttpReply &reply)
{
    return ReplyClassifier::withEvidence(AuthError(kind, code, descriptionOf(reply)), reply);
}

} // namespace

QUrl VenafiDialect::normalizeBaseUrl(const QUrl &serverUrl)
{
    QUrl url =
            serverUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::StripTrailingSlash);
    QString path = url.path();
    if (path.endsWith(QLatin1String("/vedsdk"), Qt::CaseInsensitive))
        path.chop(7);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    url.setPath(path + QLatin1Char('/'));
    return url;
}

bool VenafiDialect::isValidScope(const QString &scope)
{
    static const QRegularExpression re(QStringLiteral(
            R"(^[A-Za-z][A-Za-z0-9_]*(:[A-Za-z][A-Za-z0-9_]*(,[A-Za-z][A-Za-z0-9_]*)*)?)"
            R"((;[A-Za-z][A-Za-z0-9_]*(:[A-Za-z][A-Za-z0-9_]*(,[A-Za-z][A-Za-z0-9_]*)*)?)*$)"));
    return re.match(scope).hasMatch();
}

HttpRequest VenafiDialect::loginRequest(const AccountConfig &config,
                                        const Credentials &credentials) const
{
    QJsonObject body;
    body.insert(QLatin1String("client_id"), config.clientId);
    body.insert(QLatin1String("username"), config.username);
    body.insert(QLatin1String("password"), QString::fromUtf8(credentials.password));
    body.insert(QLatin1String("scope"), config.scope);
    HttpRequest r;
    r.url = endpoint(config, "vedauth/authorize/oauth");
    r.headers = jsonHeaders();
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.purpose = QStringLiteral("login");
    return r;
}

HttpRequest VenafiDialect::refreshRequest(const AccountConfig &config,
                                          const QByteArray &refreshToken, const Credentials &) const
{
    // No grant_type and no scope: the path selects the grant (protocols.md §1.3).
    QJsonObject body;
    body.insert(QLatin1String("client_id"), config.clientId);
    body.insert(QLatin1String("refresh_token"), QString::fromUtf8(refreshToken));
    HttpRequest r;
    r.url = endpoint(config, "vedauth/authorize/token");
    r.headers = jsonHeaders();
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    r.purpose = QStringLiteral("refresh");
    return r;
}

QList<HttpRequest> VenafiDialect::revokeRequests(const AccountConfig &config,
                                                 const TokenSet &tokens, const Credentials &) const
{
    // One call kills the whole grant, refresh token included (§1.8). Needs a live AT.
    if (!tokens.hasAccessToken())
        return {};
    return {bearerGet(config, "vedauth/revoke/token", tokens, QStringLiteral("revoke"))};
}

HttpRequest VenafiDialect::verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                                         const Credentials &) const
{
    return bearerGet(config, "vedauth/authorize/verify", tokens, QStringLiteral("verify"));
}

TokenResult VenafiDialect::parseTokenReply(Grant grant, const HttpReply &reply,
                                           const AccountConfig &, const TokenSet &previous,
                                           qint64 nowMs) const
{
    using K = AuthError::Kind;
    TokenResult result;
    if (!reply.isHttp()) {
        result.error = ReplyClassifier::transportError(reply);
        return result;
    }
    if (!reply.isSuccess()) {
        const QString text = replyText(reply);
        AuthError common = ReplyClassifier::commonHttpError(reply);
        if (common.isError()) {
            result.error = common;
        } else if (isClientIdMismatch(text)) {
            result.error = evidence(K::Config, QStringLiteral("invalid_client_id"), reply);
        } else if ((reply.status == 401 || reply.status == 403) && mentions(text, "scope")) {
            result.error = evidence(K::Scope, QStringLiteral("invalid_scope"), reply);
        } else if (reply.status == 400) {
            QString code, description;
            const bool hasCode = TokenReply::readOAuthError(reply, &code, &description);
            if (!hasCode && !ReplyClassifier::saysNothing(reply)) {
                // A proxy or gateway page is not the server's verdict: keep the grant (L2).
                result.error = ReplyClassifier::bareStatusError(reply, grant);
            } else if (grant == Grant::Refresh) {
                // TPP answers a dead, used or expired grant with a bare 400 (section 1.7 rule
                // 1) or invalid_grant; any other OAuth code keeps the grant (I-1).
                result.error = !hasCode || code == QLatin1String("invalid_grant")
                        ? evidence(K::GrantDead, QStringLiteral("invalid_grant"), reply)
                        : ReplyClassifier::withEvidence(
                                ReplyClassifier::oauthError(code, description, grant), reply);
            } else if (hasCode && code != QLatin1String("invalid_grant")
                       && code != QLatin1String("invalid_request")) {
                result.error = ReplyClassifier::withEvidence(
                        ReplyClassifier::oauthError(code, description, grant), reply);
            } else {
                result.error = evidence(K::BadCredentials, QStringLiteral("invalid_grant"), reply);
            }
        } else {
            // 401/403 and the rest: an OAuth code if there is one, else by status (a bare
            // 401/403 on a password sign-in is a wrong password, HTML is a proxy's page).
            QString code, description;
            result.error = TokenReply::readOAuthError(reply, &code, &description)
                    ? ReplyClassifier::withEvidence(
                            ReplyClassifier::oauthError(code, description, grant), reply)
                    : ReplyClassifier::bareStatusError(reply, grant);
        }
        return result;
    }

    TokenSet t;
    QJsonObject obj;
    result.error = TokenReply::readTokens(reply, grant, previous, nowMs, &t, &obj);
    if (result.error.isError())
        return result;

    // R-01: the absolute instants are server time. Measure them against the server's Date
    // (falling back to our clock) and re-anchor the lifetime on our send time.
    const qint64 serverNow = HttpDate::parse(reply.header("Date"));
    const qint64 anchor = serverNow >= 0 ? serverNow : nowMs;
    if (serverNow >= 0) {
        t.clockSkewMs = serverNow - nowMs;
        t.clockSkewSuspected = qAbs(t.clockSkewMs) > kSkewThresholdMs;
    }
    qint64 expires = 0;
    if (TokenReply::readInteger(obj.value(QLatin1String("expires")), &expires) && expires > 0) {
        const qint64 lifetime = expires * 1000 - anchor;
        if (lifetime >= 1000) // already expired by the server's clock: unknown, not the past
            t.accessExpiresAtMs = t.issuedAtMs + qMin(lifetime, kMaxAbsoluteLifetimeMs);
    } else {
        const qint64 seconds = Lifetime::parseSeconds(obj.value(QLatin1String("expires_in")));
        if (seconds != Lifetime::kUnknown)
            t.accessExpiresAtMs = t.issuedAtMs + seconds * 1000;
    }
    qint64 refreshUntil = 0;
    if (TokenReply::readInteger(obj.value(QLatin1String("refresh_until")), &refreshUntil)
        && refreshUntil > 0) {
        const qint64 remaining = refreshUntil * 1000 - anchor;
        t.refreshUntilMs = t.issuedAtMs + qMin(qMax(remaining, qint64(0)), kMaxAbsoluteLifetimeMs);
    } else if (grant == Grant::Refresh) {
        t.refreshUntilMs = previous.refreshUntilMs;
    }
    const QJsonValue identity = obj.value(QLatin1String("identity"));
    if (identity.isString())
        t.identity = identity.toString();
    result.tokens = t;
    return result;
}

AuthError VenafiDialect::classifyResourceReply(const HttpReply &reply) const
{
    using K = AuthError::Kind;
    if (!reply.isHttp() || (reply.status != 401 && reply.status != 403))
        return AuthError();
    const QString text = replyText(reply);
    if (reply.status == 401 && isTokenRejection(text))
        return evidence(K::AccessTokenRejected, QStringLiteral("invalid_token"), reply);
    if (mentions(text, "scope")) // 403 since 20.4, 401 before (§1.7)
        return evidence(K::InsufficientScope, QStringLiteral("insufficient_scope"), reply);
    if (reply.status == 403)
        return evidence(K::InsufficientScope, QStringLiteral("http_403"), reply);
    // A bare 401 is not proof of expiry on TPP (trailing-slash paths, §1.1): a human looks.
    return evidence(K::Config, QStringLiteral("http_401"), reply);
}

AuthError VenafiDialect::classifyRevokeReply(const HttpReply &reply) const
{
    using K = AuthError::Kind;
    if (reply.isHttp() && reply.status == 200)
        return AuthError();
    if (reply.isHttp() && reply.status == 202) {
        // "[token] not found": nothing left to revoke; done, but not a confirmation.
        AuthError done(K::None, QStringLiteral("nothing_to_revoke"));
        return ReplyClassifier::withEvidence(done, reply);
    }
    const AuthError common = ReplyClassifier::commonError(reply);
    if (common.isError())
        return common;
    if (reply.status == 401)
        return evidence(K::AccessTokenRejected, QStringLiteral("invalid_token"), reply);
    return evidence(K::Config, QStringLiteral("http_") + QString::number(reply.status), reply);
}

AuthError VenafiDialect::classifyVerifyReply(const HttpReply &reply, bool *active) const
{
    *active = false;
    if (reply.isHttp() && reply.status == 200) {
        *active = true;
        return AuthError();
    }
    const AuthError common = ReplyClassifier::commonError(reply);
    if (common.isError())
        return common;
    if (reply.status == 401 && isTokenRejection(replyText(reply)))
        return AuthError(); // a clear "this token is not valid": inactive
    const AuthError resource = classifyResourceReply(reply);
    if (resource.isError())
        return resource;
    return evidence(AuthError::Kind::Config,
                    QStringLiteral("http_") + QString::number(reply.status), reply);
}

QList<ConfigProblem> VenafiDialect::validate(const AccountDraft &draft) const
{
    using F = ConfigProblem::Field;
    QList<ConfigProblem> out;
    if (draft.method == SignInMethod::Browser) {
        ConfigProblem p;
        p.field = F::Method;
        p.code = ConfigProblem::Code::MethodUnsupported;
        out.append(p);
    }
    DraftCheck::url(&out, F::Server, draft.server, true);
    DraftCheck::common(&out, draft);
    const QString scope = draft.scope.trimmed();
    if (scope.isEmpty() || !isValidScope(scope)) {
        ConfigProblem p;
        p.field = F::Scope;
        p.code = scope.isEmpty() ? ConfigProblem::Code::Missing : ConfigProblem::Code::ScopeGrammar;
        out.append(p);
    }
    return out;
}
