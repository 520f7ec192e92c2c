#include "FlowEndpoints.h"

#include "EndpointPolicy.h"

#include <QJsonArray>

namespace {

QUrl under(const AccountConfig &config, const char *path)
{
    QUrl url = config.serverUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment
                                         | QUrl::StripTrailingSlash);
    QString base = url.path();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1); // StripTrailingSlash keeps a lone "/"
    url.setPath(base + QLatin1String(path));
    return url;
}

QUrl urlField(const QJsonObject &document, const char *name)
{
    const QJsonValue v = document.value(QLatin1String(name));
    if (!v.isString())
        return QUrl();
    const QUrl url(v.toString(), QUrl::StrictMode);
    return url.isValid() && !url.isRelative() ? url : QUrl();
}

} // namespace

FlowEndpoints FlowEndpoints::fromMetadata(const QJsonObject &document)
{
    FlowEndpoints e;
    e.authorizationEndpoint = urlField(document, "authorization_endpoint");
    e.deviceAuthorizationEndpoint = urlField(document, "device_authorization_endpoint");
    e.tokenEndpoint = urlField(document, "token_endpoint");
    e.issuer = document.value(QLatin1String("issuer")).toString();
    // Only a JSON true announces it (RFC 9207 §3); "true" as a string does not.
    e.issuerRequired =
            document.value(QLatin1String("authorization_response_iss_parameter_supported"))
                    .toBool(false);
    const QJsonArray methods =
            document.value(QLatin1String("code_challenge_methods_supported")).toArray();
    for (const QJsonValue &m : methods)
        if (m.isString())
            e.codeChallengeMethods << m.toString();
    return e;
}

FlowEndpoints FlowEndpoints::forAccount(const AccountConfig &config,
                                        const FlowEndpoints &discovered)
{
    FlowEndpoints e;
    switch (config.dialect) {
    case Dialect::Salesforce:
        e.authorizationEndpoint = under(config, "/services/oauth2/authorize");
        e.tokenEndpoint = under(config, "/services/oauth2/token");
        // The device flow starts at the token endpoint with response_type=device_code.
        e.deviceAuthorizationEndpoint = e.tokenEndpoint;
        break;
    case Dialect::Venafi:
        e.deviceAuthorizationEndpoint = under(config, "/vedauth/authorize/device");
        e.tokenEndpoint = under(config, "/vedauth/authorize/token");
        break;
    case Dialect::Generic:
        e = discovered;
        if (!config.tokenEndpoint.isEmpty())
            e.tokenEndpoint = config.tokenEndpoint;
        if (e.issuer.isEmpty())
            e.issuer = config.serverUrl.toString();
        break;
    }
    return e;
}

FlowEndpoints FlowEndpoints::forAccount(const AccountConfig &config)
{
    return forAccount(config, FlowEndpoints());
}

QList<quint16> FlowEndpoints::defaultRedirectPorts(Dialect dialect)
{
    if (dialect == Dialect::Salesforce)
        return {1717, 1718, 1719};
    return {};
}

QString FlowEndpoints::check(Flow flow) const
{
    const QUrl start = flow == Flow::Browser ? authorizationEndpoint : deviceAuthorizationEndpoint;
    if (start.isEmpty())
        return flow == Flow::Browser ? QStringLiteral("no authorization endpoint")
                                     : QStringLiteral("no device authorization endpoint");
    if (tokenEndpoint.isEmpty())
        return QStringLiteral("no token endpoint");
    // The authorization endpoint carries no secret, but a plain-http page could be replaced
    // by a phishing one: held to the same rule (S-01).
    for (const QUrl &url : {start, tokenEndpoint}) {
        const QString problem = EndpointPolicy::check(url);
        if (!problem.isEmpty())
            return problem;
    }
    return QString();
}
