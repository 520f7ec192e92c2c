#include "EndpointPolicy.h"

#include <QCoreApplication>
#include <QRegularExpression>

namespace EndpointPolicy {

bool isLiteralLoopback(const QUrl &url)
{
    // QUrl normalises "0x7f.1" and friends only for some forms; compare the raw authority text
    // so that nothing but the two canonical literals passes.
    const QString host = url.host(QUrl::FullyEncoded);
    return host == QLatin1String("127.0.0.1") || host == QLatin1String("::1");
}

QString check(const QString &typedUrl)
{
    const QString text = typedUrl.trimmed();
    // The authority exactly as typed: between "//" and the first "/", "?" or "#".
    const int start = text.indexOf(QLatin1String("://"));
    if (start > 0 && text.left(start).compare(QLatin1String("http"), Qt::CaseInsensitive) == 0) {
        QString authority = text.mid(start + 3);
        authority = authority.left(authority.indexOf(QRegularExpression(QStringLiteral("[/?#]"))));
        authority.remove(QRegularExpression(QStringLiteral(":[0-9]*$")));
        if (authority != QLatin1String("127.0.0.1") && authority != QLatin1String("[::1]"))
            return QCoreApplication::translate("EndpointPolicy",
                                               "The URL must use https:// (plain http is only "
                                               "allowed to 127.0.0.1 or [::1]).");
    }
    return check(QUrl(text, QUrl::StrictMode));
}

QString check(const QUrl &url)
{
    if (url.isEmpty())
        return QCoreApplication::translate("EndpointPolicy", "The URL is empty.");
    if (!url.isValid())
        return QCoreApplication::translate("EndpointPolicy", "The URL is not valid: %1")
                .arg(url.errorString());
    if (url.host().isEmpty())
        return QCoreApplication::translate("EndpointPolicy", "The URL has no host name.");
    if (!url.userInfo().isEmpty())
        return QCoreApplication::translate("EndpointPolicy",
                                           "The URL must not contain a user name or password.");
    if (url.hasFragment())
        return QCoreApplication::translate("EndpointPolicy",
                                           "The URL must not contain a fragment (#...).");
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return QString();
    if (scheme == QLatin1String("http")) {
        if (isLiteralLoopback(url))
            return QString();
        return QCoreApplication::translate(
                "EndpointPolicy",
                "The URL must use https:// (plain http is only allowed to 127.0.0.1 or [::1]).");
    }
    return QCoreApplication::translate("EndpointPolicy",
                                       "Unsupported URL scheme \"%1\"; use https://.")
            .arg(url.scheme());
}

} // namespace EndpointPolicy
