#include "VenafiEndpoints.h"

#include "FakeHttp.h"
#include "FakeServerState.h"
#include "InteractiveFlows.h"

#include <QDateTime>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QUuid>

namespace {

const QByteArray GrantDeadReason =
        "Grant has been revoked, has expired, or the refresh token is invalid";
const QByteArray ScopeDeniedReason =
        "Failed to issue grant: User is not authorized for the requested scope";
const QString ClientMismatch = QStringLiteral(
        "The client_id value being requested with the refresh token does not match the "
        "client_id of the access token making the call");

QString identityOf(const QString &username)
{
    const QUuid ns = QUuid::fromString(QLatin1String("{6ba7b812-9dad-11d1-80b4-00c04fd430c8}"));
    return QStringLiteral("local:") + QUuid::createUuidV5(ns, username).toString();
}

// The three encodings verify uses for every instant (protocols.md §1.4).
void insertInstant(QJsonObject &o, const QString &name, qint64 ms)
{
    o.insert(name, QStringLiteral("/Date(%1)/").arg(ms));
    o.insert(name + QStringLiteral("_ISO8601"),
             QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate));
    o.insert(name + QStringLiteral("_unix_time"), FakeHttp::secs(ms));
}

QMap<QString, QSet<QString>> parseScope(const QString &scope)
{
    QMap<QString, QSet<QString>> out;
    const QStringList items = scope.toLower().split(QLatin1Char(';'), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const int colon = item.indexOf(QLatin1Char(':'));
        QSet<QString> &restrictions = out[item.left(colon).trimmed()];
        if (colon < 0)
            continue;
        const QStringList rs = item.mid(colon + 1).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &r : rs)
            restrictions.insert(r.trimmed());
    }
    return out;
}

} // namespace

QString VenafiEndpoints::route(const QByteArray &rawPath) const
{
    QByteArray path = rawPath.toLower(); // IIS matches paths case-insensitively
    if (m_state.knobs(Dialect::Venafi).trailingSlashTolerant && path.size() > 1
        && path.endsWith('/'))
        path.chop(1);
    if (path == "/vedauth/authorize/isauthserver")
        return QStringLiteral("venafi.isAuthServer");
    if (path == "/vedauth/authorize/oauth")
        return QStringLiteral("venafi.oauth");
    if (path == "/vedauth/authorize/token")
        return QStringLiteral("venafi.token");
    if (path == "/vedauth/authorize/verify")
        return QStringLiteral("venafi.verify");
    if (path == "/vedauth/revoke/token")
        return QStringLiteral("venafi.revoke");
    if (path.startsWith("/vedsdk/"))
        return QStringLiteral("venafi.resource");
    if (path == "/vedauth/authorize/device")
        return QStringLiteral("venafi.device");
    if (path == "/vedauth/device")
        return QStringLiteral("venafi.devicePage");
    return {};
}

FakeHttpResponse VenafiEndpoints::handle(const QString &endpoint, const FakeRequest &request)
{
    const bool get = request.method == "GET";
    const bool post = request.method == "POST";
    if (endpoint == QLatin1String("venafi.isAuthServer") && get)
        return FakeHttpResponse::empty(202, "Venafi Authentication Server");
    if (endpoint == QLatin1String("venafi.oauth") && post)
        return login(request);
    if (endpoint == QLatin1String("venafi.token") && post)
        return refresh(request);
    if (endpoint == QLatin1String("venafi.verify") && get)
        return verify(request);
    if (endpoint == QLatin1String("venafi.revoke") && get)
        return revoke(request);
    if (endpoint == QLatin1String("venafi.resource"))
        return resource(request);
    if (endpoint == QLatin1String("venafi.device") && post)
        return deviceStart(request);
    if (endpoint == QLatin1String("venafi.devicePage") && (get || post))
        return InteractiveFlows(m_state, Dialect::Venafi).devicePage(request);
    FakeHttpResponse r = FakeHttpResponse::empty(405);
    r.setHeader("Allow",
                get || endpoint == QLatin1String("venafi.oauth")
                                || endpoint == QLatin1String("venafi.token")
                                || endpoint == QLatin1String("venafi.device")
                        ? "POST"
                        : "GET");
    return r;
}

bool VenafiEndpoints::scopeAllowed(const QString &requested, const QString &allowed)
{
    const auto want = parseScope(requested);
    const auto have = parseScope(allowed);
    if (want.isEmpty())
        return false;
    for (auto it = want.cbegin(); it != want.cend(); ++it) {
        if (!have.contains(it.key()) || !have.value(it.key()).contains(it.value()))
            return false;
    }
    return true;
}

FakeHttpResponse VenafiEndpoints::login(const FakeRequest &request)
{
    QJsonObject body;
    if (!FakeHttp::isJson(request) || !FakeHttp::parseJsonObject(request.body, &body))
        return FakeHttpResponse::oauthError(400, "invalid_request",
                                            QStringLiteral("The request body must be JSON"));
    const QString clientId = body.value(QLatin1String("client_id")).toString();
    const QString username = body.value(QLatin1String("username")).toString();
    const QString password = body.value(QLatin1String("password")).toString();
    const QString scope = body.value(QLatin1String("scope")).toString();
    if (clientId.isEmpty() || username.isEmpty() || scope.isEmpty())
        return FakeHttpResponse::oauthError(
                400, "invalid_request",
                QStringLiteral("client_id, username, password and scope are required"));
    const FakeAuthServer::Client *client = m_state.client(Dialect::Venafi, clientId);
    if (!client)
        return FakeHttpResponse::oauthError(400, "invalid_client",
                                            QStringLiteral("Invalid client_id"));
    if (!m_state.checkPassword(username, password))
        return FakeHttpResponse::oauthError(
                400, "invalid_grant", QStringLiteral("Username/password combination not valid"));
    if (!scopeAllowed(scope, client->allowedScope))
        return FakeHttpResponse::empty(403, ScopeDeniedReason);

    // Whole seconds: `expires` and `refresh_until` are exact; expires <= refresh_until.
    FakeGrant &grant =
            m_state.startGrant(Dialect::Venafi, clientId, username, scope, client->refreshEnabled);
    return tokenReply(grant, m_state.nowMs());
}

FakeHttpResponse VenafiEndpoints::refresh(const FakeRequest &request)
{
    if (FakeHttp::isForm(request)) { // the device flow polls with a form (RFC 8628 names)
        const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
        if (form.value(QStringLiteral("grant_type"))
            != QLatin1String(InteractiveFlows::DeviceGrantType))
            return FakeHttpResponse::oauthError(400, "invalid_request",
                                                QStringLiteral("The request body must be JSON"));
        FakeGrant *grant = nullptr;
        const FakeHttpResponse r =
                InteractiveFlows(m_state, Dialect::Venafi)
                        .devicePoll(form.value(QStringLiteral("device_code")).toUtf8(),
                                    form.value(QStringLiteral("client_id")), &grant);
        return grant ? tokenReply(*grant, m_state.nowMs()) : r;
    }
    QJsonObject body;
    if (!FakeHttp::isJson(request) || !FakeHttp::parseJsonObject(request.body, &body))
        return FakeHttpResponse::oauthError(400, "invalid_request",
                                            QStringLiteral("The request body must be JSON"));
    const QString clientId = body.value(QLatin1String("client_id")).toString();
    const QByteArray token = body.value(QLatin1String("refresh_token")).toString().toUtf8();
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Venafi);
    const qint64 now = m_state.nowMs();
    FakeGrant *grant = nullptr;
    const auto check = m_state.grants.checkRefresh(Dialect::Venafi, token, now,
                                                   k.reuseGraceSeconds * 1000, &grant);
    if (check == GrantBook::RefreshCheck::Dead)
        return FakeHttpResponse::empty(400, GrantDeadReason);
    if (check == GrantBook::RefreshCheck::Stale) {
        if (k.reuseDetection)
            m_state.grants.revokeGrant(*grant);
        return FakeHttpResponse::empty(400, GrantDeadReason);
    }
    if (clientId != grant->clientId)
        return FakeHttpResponse::oauthError(400, "invalid_client", ClientMismatch);
    if (check == GrantBook::RefreshCheck::Previous)
        return tokenReply(*grant, now); // the pair issued by the rotation the client missed

    // Rotation is not optional on TPP: the old pair dies with the refresh.
    m_state.grants.killAccessOfGrant(grant->id);
    m_state.grants.rotateRefresh(*grant, now);
    m_state.issueAccessToken(*grant); // expires = min(now + validity, refresh_until)
    return tokenReply(*grant, now);
}

FakeHttpResponse VenafiEndpoints::tokenReply(const FakeGrant &grant, qint64 nowMs)
{
    const FakeAccessToken *at = m_state.grants.access(grant.accessToken);
    QJsonObject o;
    o.insert(QStringLiteral("access_token"), QString::fromLatin1(grant.accessToken));
    o.insert(QStringLiteral("token_type"), QStringLiteral("Bearer"));
    o.insert(QStringLiteral("expires"), FakeHttp::secs(at->expiresMs));
    if (m_state.knobs(Dialect::Venafi).sendExpiresIn)
        o.insert(QStringLiteral("expires_in"),
                 FakeHttp::secs(at->expiresMs) - FakeHttp::secs(nowMs)); // what `expires` says
    if (!grant.refreshToken.isEmpty()) {
        o.insert(QStringLiteral("refresh_token"), QString::fromLatin1(grant.refreshToken));
        if (grant.expiresMs)
            o.insert(QStringLiteral("refresh_until"), FakeHttp::secs(grant.expiresMs));
    }
    o.insert(QStringLiteral("identity"), identityOf(grant.username));
    o.insert(QStringLiteral("scope"), grant.scope);
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse VenafiEndpoints::invalidToken() const
{
    return FakeHttpResponse::oauthError(
            401, "invalid_token",
            QStringLiteral("The access token provided is expired, revoked, malformed, or invalid "
                           "for other reasons"));
}

FakeHttpResponse VenafiEndpoints::verify(const FakeRequest &request)
{
    FakeAccessToken *at = nullptr;
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Venafi, FakeHttp::bearerToken(request), m_state.nowMs(),
                                   &at, &grant)
        != GrantBook::AccessCheck::Valid)
        return invalidToken();
    QJsonObject o;
    insertInstant(o, QStringLiteral("access_issued_on"), at->issuedMs);
    insertInstant(o, QStringLiteral("grant_issued_on"), grant->issuedMs);
    if (grant->expiresMs) // "expires" here is the grant's end, not the access token's
        insertInstant(o, QStringLiteral("expires"), grant->expiresMs);
    o.insert(QStringLiteral("valid_for"), FakeHttp::secs(at->expiresMs - at->issuedMs));
    o.insert(QStringLiteral("application"), grant->clientId);
    o.insert(QStringLiteral("identity"), identityOf(grant->username));
    o.insert(QStringLiteral("scope"), grant->scope);
    return FakeHttpResponse::json(200, QJsonDocument(o), "Token is valid");
}

FakeHttpResponse VenafiEndpoints::revoke(const FakeRequest &request)
{
    const QByteArray token = FakeHttp::bearerToken(request);
    if (token.isEmpty())
        return FakeHttpResponse::text(202, "[token] not found", "[token] not found");
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Venafi, token, m_state.nowMs(), nullptr, &grant)
        != GrantBook::AccessCheck::Valid)
        return invalidToken();
    m_state.grants.revokeGrant(*grant); // the whole grant, refresh token included
    return FakeHttpResponse::text(200,
                                  QStringLiteral("Grant for identity [%1] with scope [%2] has "
                                                 "been revoked")
                                          .arg(identityOf(grant->username), grant->scope)
                                          .toUtf8());
}

FakeHttpResponse VenafiEndpoints::resource(const FakeRequest &request)
{
    const FakeAuthServer::Knobs &k = m_state.knobs(Dialect::Venafi);
    FakeGrant *grant = nullptr;
    if (m_state.grants.checkAccess(Dialect::Venafi, FakeHttp::bearerToken(request), m_state.nowMs(),
                                   nullptr, &grant)
        != GrantBook::AccessCheck::Valid) {
        if (k.legacyVenafi401) // TPP before 20.4
            return FakeHttpResponse::oauthError(401, "expired_token",
                                                QStringLiteral("Access token expired"));
        return invalidToken();
    }
    if (k.requireResourceScope) // 403 since 20.4, 401 before
        return FakeHttpResponse::oauthError(
                k.legacyVenafi401 ? 401 : 403, "insufficient_scope",
                QStringLiteral("Grant rejected scope 'configuration:manage'"));
    QJsonObject o;
    o.insert(QStringLiteral("Version"), QStringLiteral("24.1.0.2500"));
    o.insert(QStringLiteral("Identity"), identityOf(grant->username));
    o.insert(QStringLiteral("Path"), QString::fromUtf8(request.path));
    return FakeHttpResponse::json(200, QJsonDocument(o));
}

FakeHttpResponse VenafiEndpoints::deviceStart(const FakeRequest &request)
{
    // TPP 25.1 documents a form-encoded body; JSON is accepted too.
    QString clientId, scope;
    QJsonObject body;
    if (FakeHttp::isForm(request)) {
        const QHash<QString, QString> form = FakeHttp::parseForm(request.body);
        clientId = form.value(QStringLiteral("client_id"));
        scope = form.value(QStringLiteral("scope"));
    } else if (FakeHttp::isJson(request) && FakeHttp::parseJsonObject(request.body, &body)) {
        clientId = body.value(QLatin1String("client_id")).toString();
        scope = body.value(QLatin1String("scope")).toString();
    } else {
        return FakeHttpResponse::oauthError(400, "invalid_request",
                                            QStringLiteral("form or JSON body required"));
    }
    return InteractiveFlows(m_state, Dialect::Venafi)
            .deviceStart(clientId, scope,
                         m_state.baseUrl.toString(QUrl::StripTrailingSlash)
                                 + QStringLiteral("/vedauth/device"));
}
