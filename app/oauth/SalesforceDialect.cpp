#include "SalesforceDialect.h"

#include "EndpointPolicy.h"
#include "FormEncoding.h"
#include "Lifetime.h"
#include "ReplyClassifier.h"
#include "TokenReply.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {

QUrl endpoint(const AccountConfig &config, const char *path)
{
    QUrl url = config.serverUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment
                                         | QUrl::StripTrailingSlash);
    url.setPath(url.path() + QLatin1String(path));
    return url;
}

HttpRequest formPost(const QUrl &url, const FormEncoding::Fields &fields, const QString &purpose)
{
    HttpRequest r;
    r.url = url;
    r.headers = {{QByteArrayLiteral("Content-Type"),
                  QByteArrayLiteral("application/x-www-form-urlencoded")},
                 {QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    r.body = FormEncoding::encode(fields);
    r.purpose = purpose;
    return r;
}

void addClient(FormEncoding::Fields *fields, const AccountConfig &config,
               const Credentials &credentials)
{
    fields->append({QByteArrayLiteral("client_id"), config.clientId.toUtf8()});
    if (!credentials.clientSecret.isEmpty())
        fields->append({QByteArrayLiteral("client_secret"), credentials.clientSecret});
}

// REST API errors are a JSON array of {message, errorCode} (§2.7).
bool findSessionError(const QByteArray &body, QString *message)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonArray items = doc.isArray() ? doc.array() : QJsonArray{doc.object()};
    for (const QJsonValue &item : items) {
        const QJsonObject o = item.toObject();
        if (o.value(QLatin1String("errorCode")).toString() == QLatin1String("INVALID_SESSION_ID")) {
            *message = o.value(QLatin1String("message")).toString();
            return true;
        }
    }
    // SOAP faults and Bulk API answers name it in text (jsforce soap.ts, bulk2.ts).
    if (body.contains("INVALID_SESSION_ID") || body.contains("InvalidSessionId")) {
        *message = QString();
        return true;
    }
    return false;
}

} // namespace

bool SalesforceDialect::isAcceptableInstanceUrl(const QUrl &instanceUrl, const QUrl &loginUrl)
{
    if (!EndpointPolicy::check(instanceUrl).isEmpty())
        return false;
    if (EndpointPolicy::isLiteralLoopback(instanceUrl))
        return true;
    const QString host = instanceUrl.host().toLower();
    if (!loginUrl.host().isEmpty() && host == loginUrl.host().toLower())
        return true;
    static const char *const suffixes[] = {".salesforce.com", ".force.com",    ".cloudforce.com",
                                           ".salesforce.mil", ".database.com", ".sfcrmproducts.cn"};
    for (const char *suffix : suffixes) {
        if (host.endsWith(QLatin1String(suffix)))
            return true;
    }
    return false;
}

HttpRequest SalesforceDialect::loginRequest(const AccountConfig &config,
                                            const Credentials &credentials) const
{
    FormEncoding::Fields fields{{QByteArrayLiteral("grant_type"), QByteArrayLiteral("password")}};
    addClient(&fields, config, credentials);
    fields.append({QByteArrayLiteral("username"), config.username.toUtf8()});
    fields.append({QByteArrayLiteral("password"), credentials.password});
    return formPost(endpoint(config, "/services/oauth2/token"), fields, QStringLiteral("login"));
}

HttpRequest SalesforceDialect::refreshRequest(const AccountConfig &config,
                                              const QByteArray &refreshToken,
                                              const Credentials &credentials) const
{
    FormEncoding::Fields fields{
            {QByteArrayLiteral("grant_type"), QByteArrayLiteral("refresh_token")}};
    addClient(&fields, config, credentials);
    fields.append({QByteArrayLiteral("refresh_token"), refreshToken});
    return formPost(endpoint(config, "/services/oauth2/token"), fields, QStringLiteral("refresh"));
}

QList<HttpRequest> SalesforceDialect::revokeRequests(const AccountConfig &config,
                                                     const TokenSet &tokens,
                                                     const Credentials &credentials) const
{
    // The refresh token first: revoking it also kills its access tokens (§2.8). The access
    // token follows for the case where there is no refresh token or the first call failed.
    QList<HttpRequest> out;
    const QUrl url = endpoint(config, "/services/oauth2/revoke");
    // With the client's authentication like every other request of a confidential client
    // (RFC 7009 §2.1): a server that enforces it would otherwise keep the grant alive.
    for (const QByteArray &token : {tokens.refreshToken, tokens.accessToken}) {
        if (token.isEmpty())
            continue;
        FormEncoding::Fields fields{{QByteArrayLiteral("token"), token}};
        addClient(&fields, config, credentials);
        out << formPost(url, fields, QStringLiteral("revoke"));
    }
    return out;
}

HttpRequest SalesforceDialect::verifyRequest(const AccountConfig &config, const TokenSet &tokens,
                                             const Credentials &credentials) const
{
    FormEncoding::Fields fields{
            {QByteArrayLiteral("token"), tokens.accessToken},
            {QByteArrayLiteral("token_type_hint"), QByteArrayLiteral("access_token")}};
    addClient(&fields, config, credentials);
    const QUrl url = config.introspectionEndpoint.isEmpty()
            ? endpoint(config, "/services/oauth2/introspect")
            : config.introspectionEndpoint;
    return formPost(url, fields, QStringLiteral("verify"));
}

TokenResult SalesforceDialect::parseTokenReply(Grant grant, const HttpReply &reply,
                                               const AccountConfig &config,
                                               const TokenSet &previous, qint64 nowMs) const
{
    using K = AuthError::Kind;
    TokenResult result;
    TokenSet t;
    QJsonObject obj;
    if (!TokenReply::readStandardReply(reply, grant, previous, nowMs, &result, &t, &obj))
        return result;

    const QJsonValue instance = obj.value(QLatin1String("instance_url"));
    if (instance.isString()) {
        const QUrl url(instance.toString(), QUrl::StrictMode);
        if (!isAcceptableInstanceUrl(url, config.serverUrl)) {
            result.error = ReplyClassifier::withEvidence(
                    AuthError(K::Config, QStringLiteral("bad_instance_url"), url.host()), reply);
            return result;
        }
        t.instanceUrl = url;
    } else if (!instance.isUndefined() && !instance.isNull()) {
        result.error = ReplyClassifier::withEvidence(
                AuthError(K::Config, QStringLiteral("bad_instance_url")), reply);
        return result;
    } // absent: a refresh keeps the previous instance (readTokens copied it)

    const qint64 seconds = Lifetime::parseSeconds(obj.value(QLatin1String("expires_in")));
    if (seconds != Lifetime::kUnknown) {
        t.accessExpiresAtMs = t.issuedAtMs + seconds * 1000;
    } else if (config.assumedSessionSeconds > 0) {
        // No lifetime on the wire (§2.4): assume the session timeout from issued_at. issued_at
        // is server time, so it only refines our send time within a small window: never later
        // than our arrival (a fast server clock) and never so early that the estimate would
        // already be over (a slow server clock would otherwise cause a refresh loop).
        const qint64 session = qint64(config.assumedSessionSeconds) * 1000;
        qint64 issuedAt = 0;
        qint64 anchor = t.issuedAtMs;
        if (TokenReply::readInteger(obj.value(QLatin1String("issued_at")), &issuedAt)
            && issuedAt > 0)
            anchor = qBound(t.issuedAtMs - qMin(kMaxIssuedAtSkewMs, session / 2), issuedAt,
                            qMax(nowMs, t.issuedAtMs));
        t.accessExpiresAtMs = anchor + session;
        t.expiryEstimated = true;
    }
    const QJsonValue id = obj.value(QLatin1String("id"));
    if (id.isString())
        t.identity = id.toString();
    result.tokens = t;
    return result;
}

AuthError SalesforceDialect::classifyResourceReply(const HttpReply &reply) const
{
    using K = AuthError::Kind;
    if (!reply.isHttp())
        return AuthError();
    QString message;
    const bool sessionError = findSessionError(reply.body, &message);
    if (reply.status == 401 || (sessionError && (reply.status == 400 || reply.status == 500))) {
        // jsforce skips the refresh for these two: a refresh cannot fix them (loop guard).
        if (message.contains(QLatin1String("not valid for use with the REST API"),
                             Qt::CaseInsensitive)
            || message.contains(QLatin1String("not attached to Agent"), Qt::CaseInsensitive))
            return ReplyClassifier::withEvidence(
                    AuthError(K::Config, QStringLiteral("session_not_valid_for_api"),
                              ReplyClassifier::cleanText(message)),
                    reply);
        if (reply.status == 401 || sessionError)
            return ReplyClassifier::withEvidence(AuthError(K::AccessTokenRejected,
                                                           QStringLiteral("INVALID_SESSION_ID"),
                                                           ReplyClassifier::cleanText(message)),
                                                 reply);
    }
    if (reply.status == 403)
        return ReplyClassifier::withEvidence(
                AuthError(K::InsufficientScope, QStringLiteral("http_403")), reply);
    return AuthError();
}

AuthError SalesforceDialect::classifyRevokeReply(const HttpReply &reply) const
{
    if (reply.isHttp() && reply.status == 200)
        return AuthError();
    const AuthError common = ReplyClassifier::commonError(reply);
    if (common.isError())
        return common;
    QString code, description;
    const bool hasCode = TokenReply::readOAuthError(reply, &code, &description);
    if (reply.status == 400
        && (!hasCode || code == QLatin1String("invalid_token")
            || code == QLatin1String("unsupported_token_type"))) {
        // Salesforce answers 400 for a token that is already invalid (RFC 7009 would say 200).
        // The goal, a dead token, is reached: done, but recorded as not confirmed.
        return ReplyClassifier::withEvidence(AuthError(AuthError::Kind::None,
                                                       QStringLiteral("already_invalid"),
                                                       ReplyClassifier::cleanText(description)),
                                             reply);
    }
    return ReplyClassifier::withEvidence(
            ReplyClassifier::oauthError(code, description, Grant::Refresh), reply);
}

HttpRequest SalesforceDialect::sessionProbeRequest(const AccountConfig &config,
                                                   const TokenSet &tokens) const
{
    HttpRequest r;
    r.method = "GET";
    r.url = endpoint(config, "/services/oauth2/userinfo");
    r.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")},
                 {QByteArrayLiteral("Authorization"), "Bearer " + tokens.accessToken}};
    r.purpose = QStringLiteral("verify");
    return r;
}

AuthError SalesforceDialect::classifySessionProbe(const HttpReply &reply, bool *active) const
{
    // userinfo answers a dead or missing token with a plain-text 403 "Bad_OAuth_Token" /
    // "Missing_OAuth_Token" (not the REST API's INVALID_SESSION_ID).
    const QByteArray body = reply.body.left(256);
    if (reply.isHttp() && (reply.status == 401 || reply.status == 403)
        && (body.contains("Bad_OAuth_Token") || body.contains("Missing_OAuth_Token"))) {
        *active = false;
        return AuthError();
    }
    return OAuthDialect::classifySessionProbe(reply, active);
}

AuthError SalesforceDialect::classifyVerifyReply(const HttpReply &reply, bool *active) const
{
    return ReplyClassifier::introspection(reply, active);
}

QList<ConfigProblem> SalesforceDialect::validate(const AccountDraft &draft) const
{
    using F = ConfigProblem::Field;
    QList<ConfigProblem> out;
    DraftCheck::url(&out, F::Server, draft.server, true);
    DraftCheck::common(&out, draft);
    // The username-password flow always sends the consumer secret. The web server flow with
    // PKCE and the device flow work without one when the app does not require it ("Require
    // Secret for Web Server Flow" off); if it does, the server says so and the dialog asks.
    if (!draft.hasClientSecret && draft.method == SignInMethod::Password) {
        ConfigProblem p;
        p.field = F::ClientSecret;
        out.append(p);
    }
    return out;
}
