#include "SalesforceEndpoints.h"

#include "FakeHttp.h"
#include "FakeServerState.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QMessageAuthenticationCode>

namespace {

FakeHttpResponse sfError(int status, const char *error, const char *description)
{
    return FakeHttpResponse::oauthError(status, error, QString::fromLatin1(description));
}

FakeHttpResponse invalidSession()
{
    QJsonObject e;
    e.insert(QStringLiteral("message"), QStringLiteral("Session expired or invalid"));
    e.insert(QStringLiteral("errorCode"), QStringLiteral("INVALID_SESSION_ID"));
    FakeHttpResponse r = FakeHttpResponse::json(401, QJsonDocument(QJsonArray{e}));
    r.setHeader("Content-Type", "application/json;charset=UTF-8");
    return r;
}

} // namespace

QString SalesforceEndpoints::route(const QByteArray &path) const
{
    if (path == "/services/oauth2/token")
        return QStringLiteral("sf.token");
    if (path == "/services/oauth2/revoke")
        return QStringLiteral("sf.revoke");
    if (path == "/services/oauth2/introspect")
        return QStringLiteral("sf.introspect");
    if (path.startsWith("/services/data/"))
        return QStringLiteral("sf.resource");
    if (path == "/.well-known/openid-configuration")
        return QStringLiteral("sf.discovery");
    return {};
}

FakeHttpResponse SalesforceEndpoints::handle(const QString &endpoint, const FakeRequest &request)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (endpoint == QLatin1String("sf.token") && post)
        return token(request);
    if (endpoint == QLatin1String("sf.revoke") && (post || get))
        return revoke(request);
    if (endpoint == QLatin1String("sf.introspect") && post)
        return introspect(request);
    if (endpoint == QLatin1String("sf.resource"))
        return resource(request);
    if (endpoint == QLatin1String("sf.discovery") && get)
        return discovery();
    FakeHttpResponse r = FakeHttpResponse::empty(405);
    r.setHeader("Allow", endpoint == QLatin1String("sf.discovery") ? "GET" : "POST");
    return r;
}

QString SalesforceEndpoints::baseString() const
{
    return m_state.baseUrl.toString(QUrl::StripTrailingSlash);
}

QString SalesforceEndpoints::identityUrl(const QString &username) const
{
    const QByteArray user =
            QCryptographicHash::hash(username.toUtf8(), QCryptographicHash::Sha1).toHex().left(12);
    return baseString() + QStringLiteral("/id/00D000000000FAKE/005") + QString::fromLatin1(user);
}

FakeHttpResponse SalesforceEndpoints::token(const FakeRequest &request)
{
    if (!FakeHttp::isForm(request))
        return sfError(400, "invalid_request", "request must be form-encoded");
    const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
    const FakeHttp::ClientCredentials cred = FakeHttp::clientCredentials(request, form);
    const FakeAuthServer::Client *client = m_state.client(Dialect::Salesforce, cred.id);
    if (cred.malformed || !client
        || (!client->secret.isEmpty() && client->secret != cred.secret.toUtf8()))
        return sfError(400, "invalid_client", "invalid client credentials");
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType == QLatin1String("password"))
        return passwordGrant(form, cred.id);
    if (grantType == QLatin1String("refresh_token"))
        return refreshGrant(form, cred.id);
    return sfError(400, "unsupported_grant_type", "grant type not supported");
}

FakeHttpResponse SalesforceEndpoints::passwordGrant(const QHash<QString, QString> &form,
                                                    const QString &clientId)
{
    const QString username = form.value(QStringLiteral("username"));
    if (!m_state.checkPassword(username, form.value(QStringLiteral("password"))))
        return sfError(400, "invalid_grant", "authentication failure");
    const FakeAuthServer::Client *client = m_state.client(Dialect::Salesforce, clientId);
    QString scope = form.value(QStringLiteral("scope"));
    if (!FakeHttp::spaceScopeAllowed(scope, client->allowedScope))
        return sfError(400, "invalid_scope", "the requested scope is not allowed");
    if (scope.isEmpty())
        scope = client->allowedScope;

    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Salesforce);
    const qint64 now = m_state.nowMs();
    if (k.maxGrantsPerUser > 0) { // a new sign-in silently revokes the oldest grant
        QList<FakeGrant *> live =
                m_state.grants.liveGrants(Dialect::Salesforce, now, username, clientId);
        while (live.size() >= k.maxGrantsPerUser)
            m_state.grants.revokeGrant(*live.takeFirst());
    }
    FakeGrant &grant = m_state.grants.create(Dialect::Salesforce, clientId, username, scope, now,
                                             k.grantLifetime > 0 ? now + k.grantLifetime * 1000 : 0,
                                             client->refreshEnabled);
    m_state.grants.issueAccess(grant, now, now + k.accessLifetime * 1000, true);
    return tokenReply(grant, true);
}

FakeHttpResponse SalesforceEndpoints::refreshGrant(const QHash<QString, QString> &form,
                                                   const QString &clientId)
{
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Salesforce);
    const qint64 now = m_state.nowMs();
    FakeGrant *grant = nullptr;
    const auto check = m_state.grants.checkRefresh(
            Dialect::Salesforce, form.value(QStringLiteral("refresh_token")).toUtf8(), now,
            k.reuseGraceSeconds * 1000, &grant);
    if (check == GrantBook::RefreshCheck::Stale && k.reuseDetection)
        m_state.grants.revokeGrant(*grant); // reuse of a rotated-out token kills the family
    if (check == GrantBook::RefreshCheck::Dead || check == GrantBook::RefreshCheck::Stale)
        return sfError(400, "invalid_grant", "expired access/refresh token");
    if (grant->clientId != clientId)
        return sfError(400, "invalid_client", "invalid client credentials");
    if (check == GrantBook::RefreshCheck::Current) {
        if (k.rotate)
            m_state.grants.rotateRefresh(*grant, now);
        m_state.grants.issueAccess(*grant, now, now + k.accessLifetime * 1000, true);
    }
    return tokenReply(*grant, k.rotate);
}

FakeHttpResponse SalesforceEndpoints::tokenReply(const FakeGrant &grant, bool includeRefresh)
{
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Salesforce);
    const FakeAccessToken *at = m_state.grants.access(grant.accessToken);
    const FakeAuthServer::Client *client = m_state.client(Dialect::Salesforce, grant.clientId);
    const QString id = identityUrl(grant.username);
    const QString issuedAt = QString::number(at->issuedMs); // milliseconds, as a string
    const QByteArray signature = QMessageAuthenticationCode::hash(
            (id + issuedAt).toUtf8(), client ? client->secret : QByteArray(),
            QCryptographicHash::Sha256);
    QJsonObject o;
    o.insert(QStringLiteral("access_token"), QString::fromLatin1(grant.accessToken));
    if (includeRefresh && !grant.refreshToken.isEmpty())
        o.insert(QStringLiteral("refresh_token"), QString::fromLatin1(grant.refreshToken));
    o.insert(QStringLiteral("signature"), QString::fromLatin1(signature.toBase64()));
    o.insert(QStringLiteral("scope"), grant.scope);
    o.insert(QStringLiteral("instance_url"),
             k.instanceUrl.isEmpty() ? baseString()
                                     : k.instanceUrl.toString(QUrl::StripTrailingSlash));
    o.insert(QStringLiteral("id"), id);
    o.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    o.insert(QStringLiteral("issued_at"), issuedAt);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse SalesforceEndpoints::revoke(const FakeRequest &request)
{
    const QHash<QString, QString> form =
            FakeHttp::parseForm(request.method == "GET" ? request.query : request.body);
    const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
    const qint64 now = m_state.nowMs();
    if (m_state.grants.checkAccess(Dialect::Salesforce, token, now)
        == GrantBook::AccessCheck::Valid) {
        m_state.grants.killAccess(token); // that session only; the refresh token lives on
        return FakeHttpResponse::empty(200);
    }
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkRefresh(Dialect::Salesforce, token, now, 0, &grant)
        == GrantBook::RefreshCheck::Current) {
        m_state.grants.revokeGrant(*grant); // and every access token it issued
        return FakeHttpResponse::empty(200);
    }
    return sfError(400, "invalid_token", "invalid token");
}

FakeHttpResponse SalesforceEndpoints::introspect(const FakeRequest &request)
{
    const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
    const FakeHttp::ClientCredentials cred = FakeHttp::clientCredentials(request, form);
    const FakeAuthServer::Client *client = m_state.client(Dialect::Salesforce, cred.id);
    if (cred.malformed || !client || client->secret != cred.secret.toUtf8())
        return sfError(401, "invalid_client", "invalid client credentials");
    const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
    const qint64 now = m_state.nowMs();
    QJsonObject o;
    FakeAccessToken *at = nullptr;
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Salesforce, token, now, &at, &grant)
                == GrantBook::AccessCheck::Valid
        && grant->clientId == cred.id) {
        o.insert(QStringLiteral("token_type"), QStringLiteral("access_token"));
        o.insert(QStringLiteral("exp"), FakeHttp::secs(at->expiresMs));
        o.insert(QStringLiteral("iat"), FakeHttp::secs(at->issuedMs));
        o.insert(QStringLiteral("nbf"), FakeHttp::secs(at->issuedMs));
    } else if (m_state.grants.checkRefresh(Dialect::Salesforce, token, now, 0, &grant)
                       == GrantBook::RefreshCheck::Current
               && grant->clientId == cred.id) {
        o.insert(QStringLiteral("token_type"), QStringLiteral("refresh_token"));
        if (grant->expiresMs)
            o.insert(QStringLiteral("exp"), FakeHttp::secs(grant->expiresMs));
        o.insert(QStringLiteral("iat"), FakeHttp::secs(grant->issuedMs));
        o.insert(QStringLiteral("nbf"), FakeHttp::secs(grant->issuedMs));
    } else {
        o.insert(QStringLiteral("active"), false);
        return FakeHttpResponse::json(200, QJsonDocument(o));
    }
    o.insert(QStringLiteral("active"), true);
    o.insert(QStringLiteral("scope"), grant->scope);
    o.insert(QStringLiteral("client_id"), grant->clientId);
    o.insert(QStringLiteral("username"), grant->username);
    o.insert(QStringLiteral("sub"), identityUrl(grant->username));
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse SalesforceEndpoints::resource(const FakeRequest &request)
{
    FakeAccessToken *at = nullptr;
    const qint64 now = m_state.nowMs();
    if (m_state.grants.checkAccess(Dialect::Salesforce, FakeHttp::bearerToken(request, true), now,
                                   &at)
        != GrantBook::AccessCheck::Valid)
        return invalidSession();
    m_state.grants.touch(*at, now);
    if (m_state.knobs(Dialect::Salesforce).requireResourceScope) {
        QJsonObject e;
        e.insert(QStringLiteral("message"), QStringLiteral("insufficient access rights"));
        e.insert(QStringLiteral("errorCode"), QStringLiteral("INSUFFICIENT_ACCESS"));
        return FakeHttpResponse::json(403, QJsonDocument(QJsonArray{e}));
    }
    QJsonObject limits;
    limits.insert(QStringLiteral("Max"), 15000);
    limits.insert(QStringLiteral("Remaining"), 14999);
    QJsonObject o;
    o.insert(QStringLiteral("DailyApiRequests"), limits);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse SalesforceEndpoints::discovery() const
{
    const QString base = baseString();
    QJsonObject o;
    o.insert(QStringLiteral("issuer"), base);
    o.insert(QStringLiteral("token_endpoint"),
             QString(base + QStringLiteral("/services/oauth2/token")));
    o.insert(QStringLiteral("revocation_endpoint"),
             QString(base + QStringLiteral("/services/oauth2/revoke")));
    o.insert(QStringLiteral("introspection_endpoint"),
             QString(base + QStringLiteral("/services/oauth2/introspect")));
    o.insert(QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")});
    o.insert(QStringLiteral("grant_types_supported"),
             QJsonArray{QStringLiteral("password"), QStringLiteral("refresh_token")});
    return FakeHttpResponse::json(200, QJsonDocument(o));
}
