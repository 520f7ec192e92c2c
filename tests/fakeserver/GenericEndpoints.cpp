#include "GenericEndpoints.h"

#include "ClientAuthenticator.h"
#include "FakeHttp.h"
#include "FakeServerState.h"
#include "InteractiveFlows.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

FakeHttpResponse noStore(FakeHttpResponse r)
{
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Pragma", "no-cache");
    return r;
}

FakeHttpResponse error(int status, const char *code, const char *description)
{
    return noStore(FakeHttpResponse::oauthError(status, code, QString::fromLatin1(description)));
}

FakeHttpResponse bearerChallenge(int status, const QByteArray &params)
{
    FakeHttpResponse r = FakeHttpResponse::empty(status);
    r.setHeader("WWW-Authenticate",
                "Bearer realm=\"fake\"" + (params.isEmpty() ? QByteArray() : ", " + params));
    return r;
}

} // namespace

QString GenericEndpoints::route(const QByteArray &path) const
{
    if (path == "/.well-known/oauth-authorization-server/generic" // RFC 8414: before the path
        || path == "/generic/.well-known/openid-configuration") // OIDC: after it
        return QStringLiteral("generic.discovery");
    if (path == "/generic/token")
        return QStringLiteral("generic.token");
    if (path == "/generic/revoke")
        return QStringLiteral("generic.revoke");
    if (path == "/generic/introspect")
        return QStringLiteral("generic.introspect");
    if (path.startsWith("/generic/api/"))
        return QStringLiteral("generic.resource");
    if (path == "/generic/userinfo")
        return QStringLiteral("generic.userinfo");
    if (path == "/generic/authorize")
        return QStringLiteral("generic.authorize");
    if (path == "/generic/device_authorization")
        return QStringLiteral("generic.deviceAuthorization");
    if (path == "/generic/device")
        return QStringLiteral("generic.devicePage");
    return {};
}

FakeHttpResponse GenericEndpoints::handle(const QString &endpoint, const FakeRequest &request)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (endpoint == QLatin1String("generic.discovery") && get)
        return discovery();
    if (endpoint == QLatin1String("generic.token") && post)
        return token(request);
    if (endpoint == QLatin1String("generic.revoke") && post)
        return revoke(request);
    if (endpoint == QLatin1String("generic.introspect") && post)
        return introspect(request);
    if (endpoint == QLatin1String("generic.resource"))
        return resource(request);
    if (endpoint == QLatin1String("generic.userinfo") && (get || post))
        return userinfo(request);
    InteractiveFlows flows(m_state, Dialect::Generic);
    if (endpoint == QLatin1String("generic.authorize") && (get || post))
        return flows.authorize(request, issuer());
    if (endpoint == QLatin1String("generic.devicePage") && (get || post))
        return flows.devicePage(request);
    if (endpoint == QLatin1String("generic.deviceAuthorization") && post) {
        const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
        QString clientId;
        FakeHttpResponse failed;
        if (!ClientAuthenticator(m_state, Dialect::Generic)
                     .check(request, form, ClientAuthenticator::Legacy::Generic, &clientId,
                            &failed))
            return failed;
        return noStore(flows.deviceStart(clientId, form.value(QStringLiteral("scope")),
                                         issuer() + QStringLiteral("/device")));
    }
    FakeHttpResponse r = FakeHttpResponse::empty(405);
    r.setHeader("Allow", endpoint == QLatin1String("generic.discovery") ? "GET" : "POST");
    return r;
}

QString GenericEndpoints::issuer() const
{
    return m_state.baseUrl.toString(QUrl::StripTrailingSlash) + QStringLiteral("/generic");
}

FakeHttpResponse GenericEndpoints::discovery() const
{
    const QString base = issuer();
    const QString claimed = m_state.knobs(Dialect::Generic).issuerOverride;
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Generic);
    QJsonObject o;
    o.insert(QStringLiteral("issuer"), claimed.isEmpty() ? base : claimed);
    o.insert(QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/token")));
    o.insert(QStringLiteral("revocation_endpoint"), QString(base + QStringLiteral("/revoke")));
    o.insert(QStringLiteral("introspection_endpoint"),
             QString(base + QStringLiteral("/introspect")));
    o.insert(QStringLiteral("userinfo_endpoint"), QString(base + QStringLiteral("/userinfo")));
    o.insert(QStringLiteral("authorization_endpoint"),
             QString(base + QStringLiteral("/authorize")));
    o.insert(QStringLiteral("device_authorization_endpoint"),
             QString(base + QStringLiteral("/device_authorization")));
    o.insert(QStringLiteral("grant_types_supported"),
             QJsonArray{QStringLiteral("authorization_code"), QStringLiteral("password"),
                        QStringLiteral("refresh_token"), QStringLiteral("client_credentials"),
                        QString::fromLatin1(InteractiveFlows::DeviceGrantType)});
    o.insert(QStringLiteral("response_types_supported"), QJsonArray{QStringLiteral("code")});
    o.insert(QStringLiteral("code_challenge_methods_supported"),
             QJsonArray{QStringLiteral("S256")});
    if (k.advertiseIss)
        o.insert(QStringLiteral("authorization_response_iss_parameter_supported"), true);
    InteractiveFlows::insertAuthMethods(o, k);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse GenericEndpoints::token(const FakeRequest &request)
{
    if (!FakeHttp::isForm(request))
        return error(400, "invalid_request", "the body must be form-urlencoded");
    const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
    QString clientId;
    FakeHttpResponse failed;
    if (!ClientAuthenticator(m_state, Dialect::Generic)
                 .check(request, form, ClientAuthenticator::Legacy::Generic, &clientId, &failed))
        return failed;
    const QString grantType = form.value(QStringLiteral("grant_type"));
    if (grantType.isEmpty())
        return error(400, "invalid_request", "grant_type is missing");
    if (grantType == QLatin1String("password"))
        return passwordGrant(form, clientId);
    if (grantType == QLatin1String("refresh_token"))
        return refreshGrant(form, clientId);
    if (grantType == QLatin1String("client_credentials"))
        return clientCredentialsGrant(form, clientId);
    if (grantType == QLatin1String("authorization_code")
        || grantType == QLatin1String(InteractiveFlows::DeviceGrantType)) {
        InteractiveFlows flows(m_state, Dialect::Generic);
        FakeGrant *grant = nullptr;
        const FakeHttpResponse r = grantType == QLatin1String("authorization_code")
                ? flows.exchangeCode(form, clientId, &grant)
                : flows.devicePoll(form.value(QStringLiteral("device_code")).toUtf8(), clientId,
                                   &grant);
        if (!grant)
            return noStore(r);
        return tokenReply(*grant, true, grant->scope, m_state.nowMs());
    }
    return error(400, "unsupported_grant_type", "grant type not supported");
}

FakeHttpResponse GenericEndpoints::passwordGrant(const QHash<QString, QString> &form,
                                                 const QString &clientId)
{
    const QString username = form.value(QStringLiteral("username"));
    if (!m_state.checkPassword(username, form.value(QStringLiteral("password"))))
        return error(400, "invalid_grant", "invalid resource owner credentials");
    const FakeAuthServer::Client *client = m_state.client(Dialect::Generic, clientId);
    QString scope = form.value(QStringLiteral("scope"));
    if (!FakeHttp::spaceScopeAllowed(scope, client->allowedScope))
        return error(400, "invalid_scope", "the requested scope is not allowed");
    if (scope.isEmpty())
        scope = client->allowedScope;
    FakeGrant &grant =
            m_state.startGrant(Dialect::Generic, clientId, username, scope, client->refreshEnabled);
    return tokenReply(grant, true, scope, m_state.nowMs());
}

FakeHttpResponse GenericEndpoints::refreshGrant(const QHash<QString, QString> &form,
                                                const QString &clientId)
{
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Generic);
    const qint64 now = m_state.nowMs();
    FakeGrant *grant = nullptr;
    const auto check = m_state.grants.checkRefresh(
            Dialect::Generic, form.value(QStringLiteral("refresh_token")).toUtf8(), now,
            k.reuseGraceSeconds * 1000, &grant);
    if (check == GrantBook::RefreshCheck::Dead)
        return error(400, "invalid_grant", "the refresh token is invalid or expired");
    if (check == GrantBook::RefreshCheck::Stale) {
        if (k.reuseDetection) { // RFC 9700 §4.14.2: replay revokes the whole family
            m_state.grants.revokeGrant(*grant);
            return error(400, "invalid_grant", "refresh token reuse detected");
        }
        return error(400, "invalid_grant", "the refresh token is invalid or expired");
    }
    if (grant->clientId != clientId)
        return error(400, "invalid_grant", "the refresh token was issued to another client");
    const QString scope = form.value(QStringLiteral("scope"), grant->scope);
    if (!FakeHttp::spaceScopeAllowed(scope, grant->scope))
        return error(400, "invalid_scope", "the scope exceeds the original grant");
    if (check == GrantBook::RefreshCheck::Previous)
        return tokenReply(*grant, true, scope, now); // the pair the client may have lost
    if (k.rotate)
        m_state.grants.rotateRefresh(*grant, now);
    m_state.grants.issueAccess(*grant, now, now + k.accessLifetime * 1000, false);
    return tokenReply(*grant, k.rotate, scope, now);
}

FakeHttpResponse GenericEndpoints::clientCredentialsGrant(const QHash<QString, QString> &form,
                                                          const QString &clientId)
{
    const FakeAuthServer::Client *client = m_state.client(Dialect::Generic, clientId);
    if (client->secret.isEmpty())
        return error(400, "unauthorized_client", "public clients cannot use client_credentials");
    QString scope = form.value(QStringLiteral("scope"));
    if (!FakeHttp::spaceScopeAllowed(scope, client->allowedScope))
        return error(400, "invalid_scope", "the requested scope is not allowed");
    if (scope.isEmpty())
        scope = client->allowedScope;
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Generic);
    const qint64 now = m_state.nowMs();
    FakeGrant &grant =
            m_state.grants.create(Dialect::Generic, clientId, QString(), scope, now, 0, false);
    m_state.grants.issueAccess(grant, now, now + k.accessLifetime * 1000, false);
    return tokenReply(grant, false, scope, now);
}

FakeHttpResponse GenericEndpoints::tokenReply(const FakeGrant &grant, bool includeRefresh,
                                              const QString &scope, qint64 nowMs)
{
    const FakeAccessToken *at = m_state.grants.access(grant.accessToken);
    QJsonObject o;
    o.insert(QStringLiteral("access_token"), QString::fromLatin1(grant.accessToken));
    o.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    if (m_state.knobs(Dialect::Generic).sendExpiresIn)
        o.insert(QStringLiteral("expires_in"), FakeHttp::secs(at->expiresMs - nowMs));
    if (includeRefresh && !grant.refreshToken.isEmpty())
        o.insert(QStringLiteral("refresh_token"), QString::fromLatin1(grant.refreshToken));
    o.insert(QStringLiteral("scope"), scope);
    return noStore(FakeHttpResponse::json(200, QJsonDocument(o)));
}

FakeHttpResponse GenericEndpoints::revoke(const FakeRequest &request)
{
    const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
    if (!FakeHttp::isForm(request))
        return error(400, "invalid_request", "the body must be form-urlencoded");
    QString clientId;
    FakeHttpResponse failed;
    if (!ClientAuthenticator(m_state, Dialect::Generic)
                 .check(request, form, ClientAuthenticator::Legacy::Generic, &clientId, &failed))
        return failed;
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Generic);
    const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
    if (token.isEmpty())
        return error(400, "invalid_request", "token is missing");
    const qint64 now = m_state.nowMs();
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Generic, token, now, nullptr, &grant)
        != GrantBook::AccessCheck::Unknown) {
        if (grant->clientId != clientId)
            return error(400, "unauthorized_client", "the token belongs to another client");
        m_state.grants.killAccess(token);
        if (k.revokeAccessCascades)
            m_state.grants.revokeGrant(*grant);
        return FakeHttpResponse::empty(200);
    }
    const auto check = m_state.grants.checkRefresh(Dialect::Generic, token, now, 0, &grant);
    if (check == GrantBook::RefreshCheck::Current) {
        if (grant->clientId != clientId)
            return error(400, "unauthorized_client", "the token belongs to another client");
        if (k.revokeRefreshCascades)
            m_state.grants.revokeGrant(*grant); // cascades to its access tokens
        else
            m_state.grants.revokeRefresh(*grant);
    }
    return FakeHttpResponse::empty(200); // RFC 7009 §2.2: unknown tokens are not an error
}

FakeHttpResponse GenericEndpoints::introspect(const FakeRequest &request)
{
    const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
    QString clientId;
    FakeHttpResponse failed;
    if (!ClientAuthenticator(m_state, Dialect::Generic)
                 .check(request, form, ClientAuthenticator::Legacy::Generic, &clientId, &failed))
        return failed;
    const QByteArray token = form.value(QStringLiteral("token")).toUtf8();
    const qint64 now = m_state.nowMs();
    FakeAccessToken *at = nullptr;
    FakeGrant *grant = nullptr;
    QJsonObject o;
    if (m_state.grants.checkAccess(Dialect::Generic, token, now, &at, &grant)
                == GrantBook::AccessCheck::Valid
        && grant->clientId == clientId) {
        o.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
        o.insert(QStringLiteral("exp"), FakeHttp::secs(at->expiresMs));
        o.insert(QStringLiteral("iat"), FakeHttp::secs(at->issuedMs));
    } else if (m_state.grants.checkRefresh(Dialect::Generic, token, now, 0, &grant)
                       == GrantBook::RefreshCheck::Current
               && grant->clientId == clientId) {
        o.insert(QStringLiteral("token_type"), QStringLiteral("refresh_token"));
        if (grant->expiresMs)
            o.insert(QStringLiteral("exp"), FakeHttp::secs(grant->expiresMs));
        o.insert(QStringLiteral("iat"), FakeHttp::secs(grant->rotatedAtMs));
    } else {
        o.insert(QStringLiteral("active"), false);
        return noStore(FakeHttpResponse::json(200, QJsonDocument(o)));
    }
    o.insert(QStringLiteral("active"), true);
    o.insert(QStringLiteral("nbf"), o.value(QLatin1String("iat")));
    o.insert(QStringLiteral("scope"), grant->scope);
    o.insert(QStringLiteral("client_id"), grant->clientId);
    if (!grant->username.isEmpty())
        o.insert(QStringLiteral("username"), grant->username);
    o.insert(QStringLiteral("sub"), grant->username.isEmpty() ? grant->clientId : grant->username);
    o.insert(QStringLiteral("aud"), grant->clientId);
    o.insert(QStringLiteral("iss"), issuer());
    return noStore(FakeHttpResponse::json(200, QJsonDocument(o)));
}

FakeHttpResponse GenericEndpoints::resource(const FakeRequest &request)
{
    const QByteArray token = FakeHttp::bearerToken(request);
    if (token.isEmpty()) // RFC 6750 §3.1: no credentials, no error code
        return bearerChallenge(401, {});
    FakeGrant *grant = nullptr;
    switch (m_state.grants.checkAccess(Dialect::Generic, token, m_state.nowMs(), nullptr, &grant)) {
    case GrantBook::AccessCheck::Expired:
        return bearerChallenge(
                401, "error=\"invalid_token\", error_description=\"The access token expired\"");
    case GrantBook::AccessCheck::Revoked:
    case GrantBook::AccessCheck::Unknown:
        return bearerChallenge(
                401, "error=\"invalid_token\", error_description=\"The access token is invalid\"");
    case GrantBook::AccessCheck::Valid:
        break;
    }
    if (m_state.knobs(Dialect::Generic).requireResourceScope)
        return bearerChallenge(403, "error=\"insufficient_scope\", scope=\"admin\"");
    QJsonObject o;
    o.insert(QStringLiteral("sub"), grant->username.isEmpty() ? grant->clientId : grant->username);
    o.insert(QStringLiteral("client_id"), grant->clientId);
    o.insert(QStringLiteral("scope"), grant->scope);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse GenericEndpoints::userinfo(const FakeRequest &request)
{
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Generic, FakeHttp::bearerToken(request),
                                   m_state.nowMs(), nullptr, &grant)
        != GrantBook::AccessCheck::Valid)
        return bearerChallenge(
                401, "error=\"invalid_token\", error_description=\"The access token is invalid\"");
    QJsonObject o;
    o.insert(QStringLiteral("sub"), grant->username.isEmpty() ? grant->clientId : grant->username);
    if (!grant->username.isEmpty()) {
        o.insert(QStringLiteral("preferred_username"), grant->username);
        o.insert(QStringLiteral("name"), grant->username);
    }
    return FakeHttpResponse::json(200, QJsonDocument(o));
}
