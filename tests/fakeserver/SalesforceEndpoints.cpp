#include "SalesforceEndpoints.h"

#include "ClientAuthenticator.h"
#include "FakeHttp.h"
#include "FakeServerState.h"
#include "InteractiveFlows.h"

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
    if (path == "/services/oauth2/userinfo")
        return QStringLiteral("sf.userinfo");
    if (path.startsWith("/id/"))
        return QStringLiteral("sf.identity");
    if (path == "/services/oauth2/authorize")
        return QStringLiteral("sf.authorize");
    if (path == "/setup/connect")
        return QStringLiteral("sf.devicePage");
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
    if ((endpoint == QLatin1String("sf.userinfo") || endpoint == QLatin1String("sf.identity"))
        && (get || post))
        return userinfo(request);
    InteractiveFlows flows(m_state, Dialect::Salesforce);
    if (endpoint == QLatin1String("sf.authorize") && (get || post))
        return flows.authorize(request, baseString());
    if (endpoint == QLatin1String("sf.devicePage") && (get || post))
        return flows.devicePage(request);
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
    QString clientId;
    FakeHttpResponse failed;
    if (!ClientAuthenticator(m_state, Dialect::Salesforce)
                 .check(request, form, ClientAuthenticator::Legacy::SalesforceToken, &clientId,
                        &failed))
        return failed;
    InteractiveFlows flows(m_state, Dialect::Salesforce);
    if (form.value(QStringLiteral("response_type")) == QLatin1String("device_code"))
        return flows.deviceStart(clientId, form.value(QStringLiteral("scope")),
                                 baseString() + QStringLiteral("/setup/connect"));
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType == QLatin1String("password"))
        return passwordGrant(form, clientId);
    if (grantType == QLatin1String("refresh_token"))
        return refreshGrant(form, clientId);
    if (grantType == QLatin1String("authorization_code") || grantType == QLatin1String("device")) {
        FakeGrant *grant = nullptr;
        const FakeHttpResponse r = grantType == QLatin1String("device")
                ? flows.devicePoll(form.value(QStringLiteral("code")).toUtf8(), clientId, &grant)
                : flows.exchangeCode(form, clientId, &grant);
        return grant ? tokenReply(*grant, true) : r;
    }
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

    // startGrant applies the 5-grant limit (a new sign-in silently revokes the oldest grant).
    FakeGrant &grant = m_state.startGrant(Dialect::Salesforce, clientId, username, scope,
                                          client->refreshEnabled);
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
        m_state.issueAccessToken(*grant);
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
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Salesforce);
    const qint64 now = m_state.nowMs();
    FakeGrant *grant = nullptr;
    const bool access = m_state.grants.checkAccess(Dialect::Salesforce, token, now, nullptr, &grant)
            == GrantBook::AccessCheck::Valid;
    if (!access) {
        grant = nullptr;
        if (m_state.grants.checkRefresh(Dialect::Salesforce, token, now, 0, &grant)
            != GrantBook::RefreshCheck::Current)
            return sfError(400, "invalid_token", "invalid token");
    }
    // Real Salesforce asks for no client authentication here; a client registered with a
    // method (ClientAuth other than Any) must use it.
    FakeHttpResponse failed;
    if (!ClientAuthenticator(m_state, Dialect::Salesforce)
                 .checkAs(grant->clientId, request, form, &failed))
        return failed;
    if (access) {
        m_state.grants.killAccess(token); // that session only; the refresh token lives on
        if (k.revokeAccessCascades)
            m_state.grants.revokeGrant(*grant);
    } else if (k.revokeRefreshCascades) {
        m_state.grants.revokeGrant(*grant); // and every access token it issued
    } else {
        m_state.grants.revokeRefresh(*grant);
    }
    return FakeHttpResponse::empty(200);
}

FakeHttpResponse SalesforceEndpoints::introspect(const FakeRequest &request)
{
    const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
    QString clientId;
    FakeHttpResponse failed;
    if (!ClientAuthenticator(m_state, Dialect::Salesforce)
                 .check(request, form, ClientAuthenticator::Legacy::SalesforceIntrospect, &clientId,
                        &failed))
        return failed;
    const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
    const qint64 now = m_state.nowMs();
    QJsonObject o;
    FakeAccessToken *at = nullptr;
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Salesforce, token, now, &at, &grant)
                == GrantBook::AccessCheck::Valid
        && grant->clientId == clientId) {
        o.insert(QStringLiteral("token_type"), QStringLiteral("access_token"));
        o.insert(QStringLiteral("exp"), FakeHttp::secs(at->expiresMs));
        o.insert(QStringLiteral("iat"), FakeHttp::secs(at->issuedMs));
        o.insert(QStringLiteral("nbf"), FakeHttp::secs(at->issuedMs));
    } else if (m_state.grants.checkRefresh(Dialect::Salesforce, token, now, 0, &grant)
                       == GrantBook::RefreshCheck::Current
               && grant->clientId == clientId) {
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
    o.insert(QStringLiteral("authorization_endpoint"),
             QString(base + QStringLiteral("/services/oauth2/authorize")));
    o.insert(QStringLiteral("userinfo_endpoint"),
             QString(base + QStringLiteral("/services/oauth2/userinfo")));
    o.insert(QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")});
    o.insert(QStringLiteral("grant_types_supported"),
             QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("password"),
                        QStringLiteral("refresh_token"), QStringLiteral("device")});
    o.insert(QStringLiteral("code_challenge_methods_supported"),
             QJsonArray{QStringLiteral("S256")});
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Salesforce);
    if (k.advertiseIss)
        o.insert(QStringLiteral("authorization_response_iss_parameter_supported"), true);
    InteractiveFlows::insertAuthMethods(o, k);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse SalesforceEndpoints::userinfo(const FakeRequest &request)
{
    // Identity URL and userinfo failures are plain text, not JSON (protocols.md §2.5).
    const QByteArray token = FakeHttp::bearerToken(request, true);
    if (token.isEmpty())
        return FakeHttpResponse::text(403, "Missing_OAuth_Token");
    FakeAccessToken *at = nullptr;
    FakeGrant *grant = nullptr;
    const qint64 now = m_state.nowMs();
    if (m_state.grants.checkAccess(Dialect::Salesforce, token, now, &at, &grant)
        != GrantBook::AccessCheck::Valid)
        return FakeHttpResponse::text(403, "Bad_OAuth_Token");
    if (m_state.knobs(Dialect::Salesforce).userinfoTouchesSession)
        m_state.grants.touch(*at, now);
    const QString id = identityUrl(grant->username);
    QJsonObject o;
    o.insert(QStringLiteral("sub"), id);
    o.insert(QStringLiteral("user_id"), id.section(QLatin1Char('/'), -1));
    o.insert(QStringLiteral("organization_id"), QStringLiteral("00D000000000FAKE"));
    o.insert(QStringLiteral("preferred_username"), grant->username);
    o.insert(QStringLiteral("name"), grant->username);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}
