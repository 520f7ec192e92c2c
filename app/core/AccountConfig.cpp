#include "AccountConfig.h"

#include <QCoreApplication>

QString dialectId(Dialect d)
{
    switch (d) {
    case Dialect::Venafi:
        return QStringLiteral("venafi");
    case Dialect::Salesforce:
        return QStringLiteral("salesforce");
    case Dialect::Generic:
        return QStringLiteral("generic");
    }
    return QStringLiteral("generic");
}

QString dialectDisplayName(Dialect d)
{
    switch (d) {
    case Dialect::Venafi:
        return QCoreApplication::translate("Dialect", "Venafi TPP");
    case Dialect::Salesforce:
        return QCoreApplication::translate("Dialect", "Salesforce");
    case Dialect::Generic:
        return QCoreApplication::translate("Dialect", "OAuth 2.0");
    }
    return QString();
}

bool dialectFromId(const QString &id, Dialect *out)
{
    for (Dialect d : {Dialect::Venafi, Dialect::Salesforce, Dialect::Generic}) {
        if (dialectId(d) == id) {
            *out = d;
            return true;
        }
    }
    return false;
}

static QString normalisedEndpoint(const QUrl &url)
{
    return url.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
            .toString(QUrl::FullyEncoded);
}

// The storage key with the server URL as the server sees it: a lone "/" path and the scheme's
// default port are not part of what tells two servers apart.
static QString comparableKey(AccountConfig c, bool withTag)
{
    if (!withTag)
        c.keyTag.clear();
    QUrl &u = c.serverUrl;
    if (u.path() == QLatin1String("/"))
        u.setPath(QString());
    if ((u.scheme() == QLatin1String("https") && u.port() == 443)
        || (u.scheme() == QLatin1String("http") && u.port() == 80))
        u.setPort(-1);
    return c.storageKey();
}

bool AccountConfig::sameIdentity(const AccountConfig &other) const
{
    return comparableKey(*this, true) == comparableKey(other, true)
            && normalisedEndpoint(tokenEndpoint) == normalisedEndpoint(other.tokenEndpoint)
            && normalisedEndpoint(revocationEndpoint)
            == normalisedEndpoint(other.revocationEndpoint)
            && normalisedEndpoint(introspectionEndpoint)
            == normalisedEndpoint(other.introspectionEndpoint);
}

// A field of the key. '|' separates the fields (the fully encoded server never holds a raw
// one), so a client id or username holding '|' is written with '|' and '%' percent-encoded:
// client "a|b" with user "c" and client "a" with user "b|c" stay two keys. Values without
// either character (every ordinary one) are written as they are, so the keys of existing
// accounts do not change; an escaped field always holds a '%', a plain one never.
static QString keyField(const QString &value)
{
    if (!value.contains(QLatin1Char('|')) && !value.contains(QLatin1Char('%')))
        return value;
    QString out = value;
    out.replace(QLatin1Char('%'), QLatin1String("%25"));
    out.replace(QLatin1Char('|'), QLatin1String("%7C"));
    return out;
}

QString AccountConfig::storageKey() const
{
    const QString server =
            serverUrl.adjusted(QUrl::StripTrailingSlash | QUrl::NormalizePathSegments)
                    .toString(QUrl::FullyEncoded);
    const QString key = dialectId(dialect) + QLatin1Char('|') + server + QLatin1Char('|')
            + keyField(clientId) + QLatin1Char('|') + keyField(username);
    return keyTag.isEmpty() ? key : key + QLatin1String("|#") + keyField(keyTag);
}

bool AccountConfig::sharesSignInWith(const AccountConfig &other) const
{
    return comparableKey(*this, false) == comparableKey(other, false);
}

QString AccountConfig::defaultName() const
{
    return username.isEmpty() ? hostLabel() : username + QLatin1Char('@') + hostLabel();
}

QString AccountConfig::hostLabel() const
{
    const QString host = serverUrl.host();
    return host.isEmpty() ? serverUrl.toDisplayString() : host;
}

void Credentials::wipe()
{
    password.fill('\0');
    password.clear();
    clientSecret.fill('\0');
    clientSecret.clear();
}

QString signInMethodId(SignInMethod m)
{
    switch (m) {
    case SignInMethod::Password:
        return QStringLiteral("password");
    case SignInMethod::Browser:
        return QStringLiteral("browser");
    case SignInMethod::Device:
        return QStringLiteral("device");
    }
    return QStringLiteral("password");
}

bool signInMethodFromId(const QString &id, SignInMethod *out)
{
    for (SignInMethod m : {SignInMethod::Password, SignInMethod::Browser, SignInMethod::Device}) {
        if (signInMethodId(m) == id) {
            *out = m;
            return true;
        }
    }
    return false;
}
