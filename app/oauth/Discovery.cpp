#include "Discovery.h"

#include "EndpointPolicy.h"
#include "ReplyClassifier.h"
#include "TokenReply.h"

#include <QJsonArray>
#include <QJsonObject>

namespace {

QString issuerPath(const QUrl &issuer)
{
    QString path = issuer.path(QUrl::FullyEncoded);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    return path;
}

QUrl withPath(const QUrl &issuer, const QString &encodedPath)
{
    QUrl url = issuer.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemovePath);
    url.setPath(encodedPath, QUrl::StrictMode);
    return url;
}

QUrl optionalUrl(const QJsonObject &doc, const char *name)
{
    const QJsonValue v = doc.value(QLatin1String(name));
    return v.isString() ? QUrl(v.toString(), QUrl::StrictMode) : QUrl();
}

} // namespace

namespace Discovery {

QUrl rfc8414Url(const QUrl &issuer)
{
    return withPath(issuer,
                    QStringLiteral("/.well-known/oauth-authorization-server") + issuerPath(issuer));
}

QUrl oidcUrl(const QUrl &issuer)
{
    return withPath(issuer,
                    issuerPath(issuer) + QStringLiteral("/.well-known/openid-configuration"));
}

HttpRequest request(const QUrl &documentUrl)
{
    HttpRequest r;
    r.method = QByteArrayLiteral("GET");
    r.url = documentUrl;
    r.headers = {{QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json")}};
    r.purpose = QStringLiteral("discovery");
    return r;
}

DiscoveryResult parseDocument(const HttpReply &reply, const QUrl &issuer)
{
    using K = AuthError::Kind;
    DiscoveryResult result;
    if (!reply.isHttp()) {
        result.error = ReplyClassifier::transportError(reply);
        return result;
    }
    if (reply.status != 200) {
        result.error = ReplyClassifier::commonHttpError(reply);
        if (!result.error.isError())
            result.error = ReplyClassifier::withEvidence(
                    AuthError(K::Config, QStringLiteral("http_") + QString::number(reply.status)),
                    reply);
        return result;
    }
    QJsonObject doc;
    if (!TokenReply::parseJsonObject(reply.body, &doc)) {
        result.error = ReplyClassifier::withEvidence(
                AuthError(K::Config, QStringLiteral("bad_discovery_document")), reply);
        return result;
    }
    const QString claimed = doc.value(QLatin1String("issuer")).toString();
    if (claimed != issuer.toString(QUrl::FullyEncoded)) {
        result.error = ReplyClassifier::withEvidence(AuthError(K::Config,
                                                               QStringLiteral("issuer_mismatch"),
                                                               ReplyClassifier::cleanText(claimed)),
                                                     reply);
        return result;
    }
    result.tokenEndpoint = optionalUrl(doc, "token_endpoint");
    const QString problem = EndpointPolicy::check(result.tokenEndpoint);
    if (!problem.isEmpty()) {
        result.tokenEndpoint.clear();
        result.error = ReplyClassifier::withEvidence(
                AuthError(K::Config, QStringLiteral("bad_token_endpoint"), problem), reply);
        return result;
    }
    // Optional endpoints are kept as published; HttpClient refuses unsafe ones at send time,
    // which surfaces as a configuration error on revoke/verify (M-58d).
    result.revocationEndpoint = optionalUrl(doc, "revocation_endpoint");
    result.introspectionEndpoint = optionalUrl(doc, "introspection_endpoint");
    result.authorizationEndpoint = optionalUrl(doc, "authorization_endpoint");
    result.deviceAuthorizationEndpoint = optionalUrl(doc, "device_authorization_endpoint");
    result.issuerInRedirect =
            doc.value(QLatin1String("authorization_response_iss_parameter_supported")).toBool();
    const QJsonValue methods = doc.value(QLatin1String("token_endpoint_auth_methods_supported"));
    if (methods.isArray()) {
        const QJsonArray list = methods.toArray();
        for (const QJsonValue &m : list)
            if (m.isString())
                result.tokenAuthMethods << m.toString();
    }
    if (result.tokenAuthMethods.isEmpty())
        result.tokenAuthMethods = {QStringLiteral("client_secret_basic")};
    const QJsonValue grants = doc.value(QLatin1String("grant_types_supported"));
    if (grants.isArray()) {
        const QJsonArray list = grants.toArray();
        for (const QJsonValue &g : list) {
            if (g.isString())
                result.grantTypes << g.toString();
        }
    } else {
        result.grantTypes = {QStringLiteral("authorization_code"), QStringLiteral("implicit")};
    }
    return result;
}

bool shouldTryNext(const DiscoveryResult &result)
{
    const AuthError &e = result.error;
    if (!e.isError())
        return false;
    if (e.kind == AuthError::Kind::Redirect)
        return true;
    return e.kind == AuthError::Kind::Config && e.code != QLatin1String("issuer_mismatch")
            && e.code != QLatin1String("endpoint_policy")
            && e.code != QLatin1String("bad_token_endpoint");
}

} // namespace Discovery
